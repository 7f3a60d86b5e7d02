package com.commercehub.stripe.ui;

import com.commercehub.base.security.Role;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connect flow against the built-in sandbox, which stands in for Stripe (any pasted key goes to it, and it
 * accepts only its own key, as Stripe accepts only an account's keys).
 * It needs a running server, hence its own context; starting one replaces the JVM-wide security context
 * strategy (Vaadin installs its own), which would leave the shared Karibu context reading another one. So the
 * previous strategy is put back and this context closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.stripe.api-base=sandbox")
@org.springframework.test.annotation.DirtiesContext
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class PaymentsSettingsViewTest extends KaribuTest {

    private static org.springframework.security.core.context.SecurityContextHolderStrategy previousStrategy;

    @org.junit.jupiter.api.BeforeAll
    static void rememberSecurityStrategy() {
        previousStrategy = org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreSecurityStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(previousStrategy);
    }

    @Autowired
    com.commercehub.base.payments.SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StripeConnectionService service;

    @BeforeEach
    void disconnected() {
        AsAdmin.call(service::disconnect);
    }

    @AfterEach
    void leaveTheSandboxConnected() {
        // Other test classes share this database and expect the sandbox, not a real key (nor nothing), connected.
        AsAdmin.call(service::disconnect);
        AsAdmin.call(service::useSandbox);
    }

    /** Clicks Connect and lets the background verification finish, as the browser's polling would. */
    private static void connect(PaymentsSettingsView view) {
        clickAndWait(view, view.connect);
    }

    /** Clicks a button whose Stripe call runs in the background, and waits for its answer to show. */
    private static void clickAndWait(PaymentsSettingsView view, com.vaadin.flow.component.button.Button button) {
        ButtonKt._click(button);
        view.running.handle((info, error) -> null).join();
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
    }

    private long activeConnection() {
        return jdbc.sql("SELECT id FROM stripe_connection WHERE disconnected_at IS NULL").query(Long.class).single();
    }

    private long connections() {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_connection").query(Long.class).single();
    }

    private PaymentsSettingsView open() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/payments");
        return _get(PaymentsSettingsView.class);
    }

    @Test
    void stripes_requirement_codes_read_as_what_to_do() {
        PaymentsSettingsView view = open();
        assertThat(view.requirementInWords("external_account")).isEqualTo("add the bank account that payouts go to");
        assertThat(view.requirementInWords("tos_acceptance.date")).isEqualTo("accept Stripe’s services agreement");
        assertThat(view.requirementInWords("something.new")).isEqualTo("something.new (complete it in the Stripe Dashboard)");
    }

    @Test
    void only_admins_may_open_it() {
        login("sales@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("settings/payments")).hasMessageContaining("Access is denied");
        _assertNone(PaymentsSettingsView.class);
        login("finance@example.com", Role.FINANCE);
        assertThatThrownBy(() -> navigate("settings/payments")).hasMessageContaining("Access is denied");
    }

    @Test
    void a_key_stripe_rejects_is_reported_next_to_the_field_and_nothing_is_stored() {
        PaymentsSettingsView view = open();
        assertThat(view.status.getText()).isEqualTo("Disconnected");
        long before = connections();
        view.country.setValue("US");
        view.terms.setValue(true);
        view.apiKey.setValue("sk_test_revoked1");
        connect(view);
        assertThat(view.apiKey.isInvalid()).isTrue();
        assertThat(view.apiKey.getErrorMessage()).startsWith("Stripe did not accept this key.");
        assertThat(connections()).isEqualTo(before);
        assertThat(view.status.getText()).isEqualTo("Disconnected");

        view.apiKey.setValue("pk_test_publishable_key_000");
        connect(view);
        assertThat(view.apiKey.getErrorMessage()).startsWith("This is not a Stripe API key.");
        assertThat(connections()).isEqualTo(before);
    }

    @Test
    void terms_must_be_accepted_and_the_country_must_match() {
        PaymentsSettingsView view = open();
        long before = connections();
        view.country.setValue("US");
        view.apiKey.setValue(sandboxKey.secretKey());
        connect(view);
        assertThat(view.terms.isInvalid()).isTrue();
        assertThat(view.terms.getErrorMessage()).isEqualTo("Accept the terms to connect.");

        view.terms.setValue(true);
        view.country.setValue("DE");
        connect(view);
        assertThat(view.country.isInvalid()).isTrue();
        assertThat(view.country.getErrorMessage()).contains("US");
        assertThat(connections()).isEqualTo(before);
    }

    @Test
    void a_good_key_connects_shows_the_account_and_stores_only_ciphertext(
            org.springframework.boot.test.system.CapturedOutput output) {
        String goodKey = sandboxKey.secretKey();
        String lastFour = "••••" + goodKey.substring(goodKey.length() - 4);
        PaymentsSettingsView view = open();
        view.country.setValue("US");
        view.terms.setValue(true);
        view.apiKey.setValue(goodKey);
        connect(view);

        assertThat(view.apiKey.isInvalid()).isFalse();
        assertThat(view.apiKey.getValue()).isEmpty();
        assertThat(view.status.getText()).isEqualTo("Ready to transact");
        assertThat(view.mode.getText()).isEqualTo("Stripe test mode");
        assertThat(view.accountId.getText()).startsWith("acct_");
        assertThat(view.accountName.getText()).isEqualTo("Sandbox Business");
        assertThat(view.accountCurrency.getText()).isEqualTo("USD");
        assertThat(view.chargesEnabled.getText()).isEqualTo("Yes");
        assertThat(view.apiKeyLast4.getText()).isEqualTo(lastFour);
        assertThat(view.webhookUrl.getText()).endsWith("/stripe/webhook");
        assertThat(view.webhookState.getText()).startsWith("Created automatically in Stripe");
        assertThat(view.currencies.getText()).contains("EUR", "USD", "DKK");

        String stored = jdbc.sql("SELECT CONCAT(api_key_enc, '|', webhook_secret_enc) FROM stripe_connection "
                + "WHERE disconnected_at IS NULL").query(String.class).single();
        assertThat(stored).doesNotContain(goodKey).doesNotContain("whsec_").startsWith("v1:");

        // A signing secret pasted by the admin replaces the stored one, encrypted, shown only by its last four.
        assertThatThrownBy(() -> AsAdmin.call(() -> service.saveWebhookSecret("not-a-secret")))
                .isInstanceOfSatisfying(com.commercehub.stripe.StripeConnectionException.class, e -> assertThat(e.reason())
                        .isEqualTo(com.commercehub.stripe.StripeConnectionException.Reason.WEBHOOK_SECRET_MALFORMED));
        var withPasted = AsAdmin.call(() -> service.saveWebhookSecret("whsec_pasted_from_the_dashboard_Ab12"));
        assertThat(withPasted.webhookSecretLast4()).isEqualTo("••••Ab12");
        assertThat(jdbc.sql("SELECT webhook_secret_enc FROM stripe_connection WHERE disconnected_at IS NULL")
                .query(String.class).single()).doesNotContain("pasted_from_the_dashboard");

        // Reconnecting keeps the old connection on record, disconnected.
        long first = activeConnection();
        view.apiKey.setValue(goodKey);
        connect(view);
        long second = activeConnection();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stripe_connection WHERE id = :id AND disconnected_at IS NOT NULL")
                .param("id", first).query(Long.class).single()).isEqualTo(1);

        clickAndWait(view, view.disconnect);
        assertThat(view.status.getText()).isEqualTo("Disconnected");

        // The same key again after a disconnect gets a new, working webhook endpoint (not a replay of the deleted one).
        String endpointBefore = jdbc.sql("SELECT webhook_endpoint_id FROM stripe_connection WHERE id = :id")
                .param("id", second).query(String.class).single();
        view.apiKey.setValue(goodKey);
        connect(view);
        assertThat(view.status.getText()).isEqualTo("Ready to transact");
        assertThat(jdbc.sql("SELECT webhook_endpoint_id FROM stripe_connection WHERE disconnected_at IS NULL")
                .query(String.class).single()).isNotEqualTo(endpointBefore).startsWith("we_");
        clickAndWait(view, view.disconnect);
        assertThat(output.getAll()).doesNotContain(goodKey);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stripe_connection WHERE disconnected_at IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void the_mode_is_shown_and_a_disconnected_live_account_leaves_a_choice_not_the_sandbox() {
        PaymentsSettingsView view = open();
        assertThat(view.mode.getText()).isEqualTo("Not connected");
        assertThat(view.notConnected.isVisible()).isTrue();
        assertThat(view.useSandbox.isVisible()).isTrue();
        assertThat(view.connectSection.isVisible()).isTrue();

        view.country.setValue("US");
        view.terms.setValue(true);
        view.apiKey.setValue(sandboxKey.secretKey());
        connect(view);
        // The sandbox takes test keys only: mark the row live, as a live key would have.
        jdbc.sql("UPDATE stripe_connection SET livemode = TRUE WHERE disconnected_at IS NULL").update();
        clickAndWait(view, view.refresh);
        assertThat(view.mode.getText()).isEqualTo("Stripe live mode");
        assertThat(view.notConnected.isVisible()).isFalse();
        assertThat(view.useSandbox.isVisible()).isFalse();

        clickAndWait(view, view.disconnect);
        assertThat(view.mode.getText()).isEqualTo("Not connected");
        assertThat(view.notConnected.isVisible()).isTrue();
        assertThat(view.notConnected.getText()).startsWith("Payments are not connected: buyers cannot pay.");
        assertThat(view.sandboxNote.isVisible()).isFalse();
        assertThat(view.connectSection.isVisible()).isTrue();
        assertThat(view.useSandbox.isVisible()).isTrue();

        clickAndWait(view, view.useSandbox);
        assertThat(view.mode.getText()).isEqualTo("Sandbox");
        assertThat(view.sandboxNote.isVisible()).isTrue();
        assertThat(view.notConnected.isVisible()).isFalse();
    }
}
