package com.commercehub.sandbox;

import com.commercehub.base.time.BusinessTimeMoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
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

    /** Real time, as the app's clock has it. */
    long real() {
        return clock.instant().getEpochSecond();
    }

    long offset() {
        return jdbc.sql("SELECT offset_seconds FROM sandbox_clock WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /** The furthest the sandbox clock may run ahead of real time. */
    static final Duration MAX_AHEAD = Duration.ofDays(5 * 365 + 1);

    /** The latest moment the sandbox clock may show now: real time plus {@link #MAX_AHEAD}. */
    long latest() {
        return clock.instant().getEpochSecond() + MAX_AHEAD.toSeconds();
    }

    /** Moves the sandbox clock forward to {@code target}, at most {@link #MAX_AHEAD} past real time. */
    long advanceTo(long target) {
        long now = now();
        if (target <= now) {
            throw StripeError.invalid("frozen_time", "parameter_invalid_integer",
                    "The test clock can only move forward: frozen_time must be after " + now + ".");
        }
        if (target > latest()) {
            throw StripeError.invalid("frozen_time", "parameter_invalid_integer", "The sandbox clock can run at most "
                    + MAX_AHEAD.toDays() + " days ahead of real time: frozen_time must be at most " + latest() + ".");
        }
        jdbc.sql("UPDATE sandbox_clock SET offset_seconds = offset_seconds + :delta WHERE id = 1")
                .param("delta", target - now).update();
        // Business time moves with this clock (SandboxTimeShift): what fell due in between is handled now.
        events.publishEvent(new BusinessTimeMoved(Instant.ofEpochSecond(target)));
        return target;
    }

    /**
     * Back to real time. Nothing already made changes: objects keep the times they were made at, and whatever the
     * sandbox scheduled ahead (renewals, settlements, due dates) happens when the clock reaches it again.
     */
    long reset() {
        jdbc.sql("UPDATE sandbox_clock SET offset_seconds = 0 WHERE id = 1").update();
        return clock.instant().getEpochSecond();
    }
}
