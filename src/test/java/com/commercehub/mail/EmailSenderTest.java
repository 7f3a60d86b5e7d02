package com.commercehub.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule, without a database or a server. */
class EmailSenderTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final EmailProperties properties = new EmailProperties(null, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofMinutes(10), 10);
    private final EmailSender sender = new EmailSender(null, null, properties, null);

    private static OutboxStore.Claimed message(int attempts, Instant firstAttempt) {
        return new OutboxStore.Claimed(1, "a@example.com", "s", "h", "t", attempts, START, firstAttempt, List.of());
    }

    @Test
    void the_wait_doubles_from_thirty_seconds_up_to_an_hour() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 30).stream().map(sender::backoff).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void a_message_is_tried_for_a_day_with_a_last_try_at_the_end_then_given_up() {
        List<Instant> attempts = new ArrayList<>();
        Instant now = START;
        Instant first = null;
        while (now != null) {
            attempts.add(now);
            if (first == null) {
                first = now;
            }
            now = sender.nextAttempt(message(attempts.size() - 1, attempts.size() == 1 ? null : first), now, false);
        }
        assertThat(attempts.get(1)).isEqualTo(START.plusSeconds(30));
        assertThat(attempts.get(2)).isEqualTo(START.plusSeconds(90));
        assertThat(attempts.getLast()).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(attempts).hasSize(31);
    }

    @Test
    void a_permanent_refusal_is_not_retried() {
        assertThat(sender.nextAttempt(message(0, null), START, true)).isNull();
    }
}
