package com.commercehub.mail;

import com.commercehub.testsupport.AsAdmin;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery when the SMTP server is down or refuses the login: every attempt logged, backoff, giving up, retry. */
class EmailRetryIT extends SmtpTestSupport {

    @Test
    void while_the_server_is_down_every_attempt_is_logged_and_retried_with_backoff_until_it_is_back() {
        long id = enqueueCommitted(email("ada@buyer.example", "Sent once the server is back"));
        smtp.stop();

        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(nextAttempt(id)).isEqualTo(START.plusSeconds(30));
        assertThat(sender.runOnce()).as("not due before the backoff has passed").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(nextAttempt(id)).isEqualTo(START.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(sender.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        smtpComesBack();
        assertThat(sender.runOnce()).isEqualTo(1);

        assertThat(status(id)).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Sent once the server is back");
        List<Map<String, Object>> log = attempts(id);
        assertThat(log).extracting(a -> a.get("outcome")).containsExactly("ERROR", "ERROR", "SENT");
        assertThat(log.get(0).get("error").toString()).contains("Connection refused");
        assertThat(log).allSatisfy(a -> assertThat(String.valueOf(a.get("error"))).doesNotContain(SMTP_PASSWORD));
        assertThat(log).extracting(a -> a.get("attempted_at")).containsExactly(
                START, START.plusSeconds(30), START.plusSeconds(90));
    }

    @Test
    void after_a_day_of_failures_a_message_is_failed_with_the_last_error_and_an_admin_retry_sends_it() {
        long id = enqueueCommitted(email("ada@buyer.example", "Given up, then retried"));
        smtp.stop();
        int attempts = 0;
        while (status(id).equals("PENDING")) {
            clock.set(nextAttempt(id));
            attempts += sender.runOnce();
        }
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(attempts).isEqualTo(31);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
        EmailDetails failed = AsAdmin.call(() -> messages.details(id)).orElseThrow();
        assertThat(failed.lastError()).contains("Connection refused");
        assertThat(failed.attemptLog()).hasSize(31);

        clock.advance(Duration.ofHours(3));
        assertThat(sender.runOnce()).as("a failed message is left alone").isZero();
        assertThat(AsAdmin.call(() -> messages.retry(id))).isTrue();
        assertThat(AsAdmin.call(() -> messages.retry(id))).as("only a failed message is retried").isFalse();
        assertThat(status(id)).isEqualTo("PENDING");
        smtpComesBack();
        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(attempts(id)).hasSize(32);
    }

    @Test
    void the_server_checks_the_login_and_a_refused_password_never_appears_in_the_error() {
        String wrong = "wrong-password-for-the-test";
        SmtpGateway withWrongPassword = new SmtpGateway(new EmailProperties(new EmailProperties.Smtp("127.0.0.1", PORT,
                SMTP_USER, wrong, "hub@shop.example", false, false, Duration.ofSeconds(5), Duration.ofSeconds(5)),
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(10), 10));
        var message = new OutboxStore.Claimed(99, "ada@buyer.example", "Subject", "<p>x</p>", "x", 0, START, null,
                List.of());

        assertThatThrownBy(() -> withWrongPassword.send(message, START)).satisfies(error -> {
            String described = withWrongPassword.describe(error);
            assertThat(described).contains("Authentication").doesNotContain(wrong);
            assertThat(SmtpGateway.permanent(error)).isFalse();
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
