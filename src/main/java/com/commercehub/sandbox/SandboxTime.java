package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.time.Clock;

/** The sandbox's "now" in Unix seconds, from the app's clock. */
@Component
class SandboxTime {

    private final Clock clock;

    SandboxTime(Clock clock) {
        this.clock = clock;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }
}
