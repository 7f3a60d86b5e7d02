package com.commercehub.base.security;

import com.commercehub.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, 5, 20, Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    @Test
    void each_failure_past_the_threshold_doubles_the_lock_up_to_the_cap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("a@example.com", "10.0.0.9")).isZero();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.lockedFor("A@example.com ", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("a@example.com", "10.0.0.9")).isZero();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.lockedFor("a@example.com", "10.0.0.9")).isEqualTo(Duration.ofMinutes(2));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(20));
            throttle.failed("a@example.com", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("a@example.com", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void one_address_guessing_many_accounts_is_locked_for_every_account() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("someone-else@example.com", "10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("someone-else@example.com", "10.0.0.2")).isZero();
    }

    @Test
    void addresses_of_one_ipv6_network_count_together() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i + "@example.com", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.lockedFor("x@example.com", "2001:db8:1:2:ffff::1")).isPositive();
        assertThat(throttle.lockedFor("x@example.com", "2001:db8:1:3::1")).isZero();
    }

    @Test
    void a_success_clears_the_account_but_not_the_address() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        for (int i = 0; i < 15; i++) {
            throttle.failed("b" + i + "@example.com", "10.0.0.1");
        }
        throttle.succeeded("a@example.com");
        throttle.failed("a@example.com", "10.0.0.7");
        assertThat(throttle.lockedFor("a@example.com", "10.0.0.7")).isZero();
        throttle.failed("c@example.com", "10.0.0.1");
        assertThat(throttle.lockedFor("d@example.com", "10.0.0.1")).isPositive();
    }

    @Test
    void failures_an_hour_old_are_forgotten_and_a_lock_is_logged_once_a_minute() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", null);
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("a@example.com", null);
        assertThat(throttle.lockedFor("a@example.com", null)).isZero();

        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", null);
        }
        assertThat(throttle.shouldLogLock("a@example.com", "10.0.0.1")).isTrue();
        assertThat(throttle.shouldLogLock("a@example.com", "10.0.0.1")).isFalse();
        clock.advance(Duration.ofSeconds(61));
        throttle.failed("a@example.com", null);
        assertThat(throttle.shouldLogLock("a@example.com", "10.0.0.1")).isTrue();
    }
}
