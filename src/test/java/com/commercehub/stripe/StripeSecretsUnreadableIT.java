package com.commercehub.stripe;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.SecretProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key file was lost or replaced: the stored signing secret no longer decrypts. The webhook then says
 * "not now" (503, so Stripe keeps the event and retries), logs it once without a stack trace, and stores nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeSecretsUnreadableIT extends EventProcessingTestSupport {

    private static final String LOG_LINE = "the stored signing secret cannot be decrypted with this installation's key";

    /** The active connection again, as a newer row whose secret was sealed under another installation's key. */
    private long connectionUnderAnotherKey() {
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        SecretCipher other = new SecretCipher(new SecretProperties(Base64.getEncoder().encodeToString(otherKey), null));
        String foreign = other.encrypt(StripeConnections.WEBHOOK_PURPOSE, "whsec_sealed_elsewhere_0000");
        jdbc.sql("""
                        INSERT INTO stripe_connection (account_id, account_name, country, default_currency, sandbox, livemode,
                            api_key_enc, api_key_last4, webhook_endpoint_id, webhook_url, webhook_secret_enc, account_json,
                            supported_currencies, connected_at, refreshed_at)
                        SELECT account_id, account_name, country, default_currency, sandbox, livemode, api_key_enc,
                            api_key_last4, webhook_endpoint_id, webhook_url, :foreign, account_json, supported_currencies,
                            connected_at, refreshed_at
                        FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1""")
                .param("foreign", foreign).update();
        return jdbc.sql("SELECT MAX(id) FROM stripe_connection").query(Long.class).single();
    }

    @Test
    void an_unreadable_signing_secret_answers_503_logs_one_line_and_stores_nothing(CapturedOutput output) {
        String id = newId();
        String body = event(id, "test.counted");
        String signature = sign(body);
        long broken = connectionUnderAnotherKey();
        try {
            assertThat(post(body, signature)).isEqualTo(503);
            assertThat(post(body, signature)).isEqualTo(503);
            assertThat(stored(id)).isZero();
            assertThat(output.getAll().lines().filter(line -> line.contains(LOG_LINE))).hasSize(1);
            assertThat(output.getAll()).doesNotContain("SecretDecryptionException");
            assertThat(output.getAll().lines().filter(line -> line.startsWith("\tat "))).isEmpty();
            assertThat(connections.info().secretsReadable()).isFalse();
            assertThat(connections.info().webhookSecretLast4()).isNull();
        } finally {
            jdbc.sql("DELETE FROM stripe_connection WHERE id = :id").param("id", broken).update();
        }
        // Readable again (as after reconnecting): Stripe's next retry is taken.
        assertThat(post(body, signature)).isEqualTo(200);
        awaitState(id, "PROCESSED", 10);
        assertThat(connections.info().secretsReadable()).isTrue();
    }

    @Test
    void a_sandbox_connection_whose_secret_cannot_be_read_is_made_again_on_start() {
        long broken = connectionUnderAnotherKey();
        try {
            maintenance.checkConnectionOnStart();
            assertThat(connections.info().secretsReadable()).isTrue();
            assertThat(jdbc.sql("SELECT MAX(id) FROM stripe_connection").query(Long.class).single()).isGreaterThan(broken);
            String id = newId();
            String body = event(id, "test.nobody_handles");
            assertThat(post(body, sign(body))).isEqualTo(200);
        } finally {
            jdbc.sql("DELETE FROM stripe_connection WHERE id = :id").param("id", broken).update();
        }
    }
}
