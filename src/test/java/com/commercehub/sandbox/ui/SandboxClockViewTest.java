package com.commercehub.sandbox.ui;

import org.junit.jupiter.api.AfterEach;
import com.commercehub.base.security.Role;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxClockViewTest extends KaribuTest {

    @Autowired
    SandboxClockService clock;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(clock::reset);
    }

    @Test
    void admin_moves_the_sandbox_clock_forward_by_a_week() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        Instant before = AsAdmin.call(clock::now);
        ButtonKt._click(view.plusWeek);
        Instant after = AsAdmin.call(clock::now);
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusSeconds(5));
        assertThat(view.now.getText()).startsWith("Sandbox time:").endsWith("UTC");
    }

    @Test
    void an_advance_past_five_years_ahead_is_refused_next_to_the_field_and_changes_nothing() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        Instant before = AsAdmin.call(clock::now);
        view.days.setValue(6 * 365);
        ButtonKt._click(view.advance);
        assertThat(view.days.isInvalid()).isTrue();
        assertThat(view.days.getErrorMessage()).startsWith("The sandbox clock can run at most five years ahead of real "
                + "time, until ").endsWith(". Nothing was changed.");
        assertThat(Duration.between(before, AsAdmin.call(clock::now))).isLessThan(Duration.ofSeconds(5));

        view.days.setValue(10);
        ButtonKt._click(view.advance);
        assertThat(view.days.isInvalid()).isFalse();
        assertThat(Duration.between(before, AsAdmin.call(clock::now))).isBetween(Duration.ofDays(10),
                Duration.ofDays(10).plusSeconds(5));
    }

    @Test
    void reset_to_now_puts_the_clock_back_to_real_time() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        ButtonKt._click(view.plusMonth);
        assertThat(AsAdmin.call(clock::now)).isAfter(Instant.now().plus(Duration.ofDays(30)));
        assertThat(view.ahead.getText()).isEqualTo("The sandbox clock has been advanced by 31 days.");

        ButtonKt._click(view.reset);
        assertThat(view.confirmation.isOpened()).isTrue();
        view.confirmation.close();
        assertThat(AsAdmin.call(clock::now)).isAfter(Instant.now().plus(Duration.ofDays(30)));

        ButtonKt._click(view.reset);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(view.confirmation);
        assertThat(Duration.between(Instant.now(), AsAdmin.call(clock::now)).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(view.now.getText()).startsWith("Sandbox time:");
        assertThat(view.ahead.getText()).isEqualTo("The sandbox clock runs at real time.");
    }

    @Test
    void the_page_shows_real_time_beside_the_sandboxs_and_what_the_sandbox_holds() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        SandboxClockService.ClockState state = AsAdmin.call(clock::state);
        assertThat(view.realTime.getText()).startsWith("Real time: ").endsWith(" UTC");
        assertThat(view.ahead.getText()).isEqualTo("The sandbox clock runs at real time.");
        assertThat(view.subscriptions.getText()).startsWith(state.liveSubscriptions() == 0
                ? "The sandbox has no live subscriptions."
                : "Live subscriptions (active, trialing or past due): " + state.liveSubscriptions() + ". Next renewal: ");
        assertThat(view.undelivered.getText()).isEqualTo("Webhook events still to be delivered: " + state.undeliveredEvents());

        ButtonKt._click(view.plusDay);
        assertThat(view.ahead.getText()).isEqualTo("The sandbox clock has been advanced by 1 day.");
    }

    @Autowired
    com.commercehub.base.payments.SandboxApiKey sandboxKey;
    @Autowired
    com.commercehub.sandbox.SandboxKeyService keys;

    @Test
    void the_api_key_is_masked_until_revealed_with_a_curl_example() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        String key = sandboxKey.secretKey();
        assertThat(view.apiKey.getValue()).isEqualTo("sk_test_••••••••" + key.substring(key.length() - 4))
                .doesNotContain(key.substring(8, key.length() - 4));
        assertThat(view.curl.getText()).contains("/sandbox/stripe/v1/customers").doesNotContain(key);
        assertThat(view.reveal.getText()).isEqualTo("Reveal");
        ButtonKt._click(view.reveal);
        assertThat(view.apiKey.getValue()).isEqualTo(key);
        assertThat(view.curl.getText()).startsWith("curl http://localhost:").contains("-u " + key + ":");
        ButtonKt._click(view.reveal);
        assertThat(view.apiKey.getValue()).doesNotContain(key);
    }

    @Test
    void only_admins_may_move_it() {
        login("sales@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("settings/sandbox-clock")).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clock.reset()).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
        assertThatThrownBy(() -> keys.reveal()).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void admin_switches_a_rate_limit_on_for_three_checkout_requests_and_off_again() {
        com.commercehub.sandbox.SandboxFaults faults = context.getBean(com.commercehub.sandbox.SandboxFaults.class);
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxFaultsSection section = _get(SandboxClockView.class).faultSwitch;
        assertThat(section.state.getText()).isEqualTo("No fault is switched on.");

        section.count.setValue(0);
        ButtonKt._click(section.arm);
        assertThat(section.count.isInvalid()).isTrue();
        assertThat(AsAdmin.call(faults::armed)).as("nothing switched on").isEmpty();

        section.kind.setValue(com.commercehub.sandbox.SandboxFaults.Kind.RATE_LIMITED);
        section.count.setValue(3);
        section.path.setValue(" /v1/checkout/sessions ");
        ButtonKt._click(section.arm);
        assertThat(section.state.getText())
                .isEqualTo("Switched on: Rate limit (429) for the next 3 requests to /v1/checkout/sessions.");
        assertThat(AsAdmin.call(faults::armed)).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(com.commercehub.sandbox.SandboxFaults.Kind.RATE_LIMITED);
            assertThat(f.remaining()).isEqualTo(3);
            assertThat(f.pathPrefix()).isEqualTo("/v1/checkout/sessions");
        });

        ButtonKt._click(section.off);
        assertThat(section.state.getText()).isEqualTo("No fault is switched on.");
        assertThat(AsAdmin.call(faults::armed)).isEmpty();
    }
}
