package com.commercehub.sandbox;

import com.commercehub.base.time.BusinessTimeMoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The sandbox's "now" in Unix seconds: the app's clock plus the offset the sandbox clock has been
 * advanced by (read from the database, so every node agrees).
 */
@Component
class SandboxTime {

    private final Clock clock;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SandboxTime(Clock clock, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
    }

    long now() {
        return clock.instant().getEpochSecond() + offset();
    }

    long offset() {
        return jdbc.sql("SELECT offset_seconds FROM sandbox_clock WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /** Moves the sandbox clock forward to {@code target}; it never goes back. */
    long advanceTo(long target) {
        long now = now();
        if (target <= now) {
            throw StripeError.invalid("frozen_time", "parameter_invalid_integer",
                    "The test clock can only move forward: frozen_time must be after " + now + ".");
        }
        jdbc.sql("UPDATE sandbox_clock SET offset_seconds = offset_seconds + :delta WHERE id = 1")
                .param("delta", target - now).update();
        // Business time moves with this clock (SandboxTimeShift): what fell due in between is handled now.
        events.publishEvent(new BusinessTimeMoved(Instant.ofEpochSecond(target)));
        return target;
    }
}
