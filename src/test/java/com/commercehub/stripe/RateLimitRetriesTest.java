package com.commercehub.stripe;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitRetriesTest {

    private final RateLimitRetries retries = new RateLimitRetries(2, Duration.ofMillis(500));

    @Test
    void pauses_double_with_jitter_and_stop_growing_at_five_seconds() {
        assertThat(retries.pause(0, null)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(retries.pause(1, null)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
        assertThat(retries.pause(30, null)).isBetween(Duration.ofMillis(3750), Duration.ofSeconds(5));
    }

    @Test
    void stripes_retry_after_is_honoured_but_capped() {
        assertThat(retries.pause(0, "2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.pause(0, "3600")).isEqualTo(RateLimitRetries.MAX_PAUSE);
        assertThat(retries.pause(0, "Wed, 21 Oct 2026 07:28:00 GMT")).isLessThanOrEqualTo(Duration.ofMillis(500));
    }
}
