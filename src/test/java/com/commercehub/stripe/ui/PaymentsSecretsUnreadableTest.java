package com.commercehub.stripe.ui;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.SecretProperties;
import com.commercehub.base.security.Role;
import com.commercehub.testsupport.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The key file was replaced: Settings → Payments says so and offers the way back (reconnect), no error page. */
class PaymentsSecretsUnreadableTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheForeignConnection() {
        jdbc.sql("DELETE FROM stripe_connection WHERE account_id = 'acct_foreign_key'").update();
    }

    /** A connection whose key and signing secret were sealed by another installation (another key file). */
    private void connectionSealedElsewhere() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretCipher elsewhere = new SecretCipher(new SecretProperties(Base64.getEncoder().encodeToString(key), null));
        jdbc.sql("""
                        INSERT INTO stripe_connection (account_id, account_name, country, default_currency, sandbox, livemode,
                            api_key_enc, api_key_last4, webhook_endpoint_id, webhook_url, webhook_secret_enc, account_json,
                            supported_currencies, connected_at, refreshed_at)
                        VALUES ('acct_foreign_key', 'Moved Business', 'US', 'usd', FALSE, FALSE, :key, '••••Zz99', 'we_foreign',
                            'http://127.0.0.1:8080/stripe/webhook', :secret, :account, 'usd,eur', :at, :at)""")
                .param("key", elsewhere.encrypt("stripe.api-key", "sk_test_sealed_elsewhere_Zz99"))
                .param("secret", elsewhere.encrypt("stripe.webhook-secret", "whsec_sealed_elsewhere_0000"))
                .param("account", "{\"id\":\"acct_foreign_key\",\"object\":\"account\",\"charges_enabled\":true,"
                        + "\"details_submitted\":true,\"payouts_enabled\":true,\"country\":\"US\"}")
                .param("at", LocalDateTime.now(ZoneOffset.UTC)).update();
    }

    @Test
    void unreadable_secrets_are_explained_and_the_connect_form_is_offered() {
        connectionSealedElsewhere();
        login("admin@example.com", Role.ADMIN);
        navigate("settings/payments");
        PaymentsSettingsView view = _get(PaymentsSettingsView.class);

        assertThat(view.secretsUnreadable.isVisible()).isTrue();
        assertThat(view.secretsUnreadable.getText())
                .startsWith("The stored Stripe secrets cannot be read with this installation's key")
                .contains("reconnect");
        assertThat(view.accountName.getText()).isEqualTo("Moved Business");
        assertThat(view.apiKeyLast4.getText()).isEqualTo("••••Zz99");
        assertThat(view.webhookState.getText()).startsWith("The stored signing secret cannot be read.");
        assertThat(view.webhookSecret.isVisible()).isTrue();
        assertThat(view.apiKey.isVisible()).isTrue();
        assertThat(view.connect.isVisible()).isTrue();
        assertThat(view.connect.isEnabled()).isTrue();
    }

    @Test
    void readable_secrets_show_no_warning() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/payments");
        assertThat(_get(PaymentsSettingsView.class).secretsUnreadable.isVisible()).isFalse();
    }
}
