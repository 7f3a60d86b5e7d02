package com.commercehub.sandbox;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.testsupport.AsAdmin;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sandbox clock stays within five years of real time, and goes back to it on reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SandboxClockIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    SandboxClockService clock;

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(clock::reset);
    }

    @Test
    void an_advance_beyond_five_years_ahead_of_real_time_is_refused_and_changes_nothing() {
        Instant before = AsAdmin.call(clock::now);
        assertThatThrownBy(() -> AsAdmin.call(() -> clock.advance(Duration.ofDays(6 * 365))))
                .isInstanceOfSatisfying(SandboxClockLimitException.class, e -> assertThat(e.latest())
                        .isBetween(Instant.now().plus(SandboxTime.MAX_AHEAD).minusSeconds(5),
                                Instant.now().plus(SandboxTime.MAX_AHEAD)));
        assertThatThrownBy(() -> AsAdmin.call(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE))))
                .isInstanceOf(SandboxClockLimitException.class);
        assertThat(Duration.between(before, AsAdmin.call(clock::now))).isLessThan(Duration.ofSeconds(5));

        // Up to the bound in steps, then not a day further.
        AsAdmin.call(() -> clock.advance(Duration.ofDays(4 * 365)));
        AsAdmin.call(() -> clock.advance(Duration.ofDays(365)));
        assertThatThrownBy(() -> AsAdmin.call(() -> clock.advance(Duration.ofDays(2))))
                .isInstanceOf(SandboxClockLimitException.class);
        assertThat(AsAdmin.call(clock::now)).isBefore(AsAdmin.call(clock::latest).plusSeconds(1));
    }

    @Test
    void the_test_clock_api_is_bounded_the_same_way() throws Exception {
        long now = stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime();
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> stripe().v1()
                .testHelpers().testClocks().advance("clock_sandbox", TestClockAdvanceParams.builder()
                        .setFrozenTime(now + 6 * 365 * 86_400L).build()));
        assertThat(refused.getParam()).isEqualTo("frozen_time");
        assertThat(refused.getMessage()).contains("at most");
        assertThat(stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime())
                .isBetween(now, now + 5);
    }

    @Test
    void reset_goes_back_to_real_time_and_what_was_made_ahead_keeps_its_times() throws Exception {
        AsAdmin.call(() -> clock.advance(Duration.ofDays(400)));
        Customer ahead = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("ahead@example.com").build());
        assertThat(ahead.getCreated()).isGreaterThan(Instant.now().plus(Duration.ofDays(399)).getEpochSecond());

        Instant reset = AsAdmin.call(clock::reset);
        assertThat(Duration.between(Instant.now(), reset).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(Instant.now(), AsAdmin.call(clock::now)).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(stripe().v1().customers().retrieve(ahead.getId()).getCreated()).isEqualTo(ahead.getCreated());
        // The clock moves on from real time again.
        AsAdmin.call(() -> clock.advance(Duration.ofDays(1)));
        assertThat(AsAdmin.call(clock::now)).isBetween(Instant.now().plus(Duration.ofDays(1)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(1)).plusSeconds(5));
    }
}
