package com.commercehub.sandbox;

import java.time.Instant;

/** The sandbox clock would run further ahead of real time than allowed; it was not moved. */
public class SandboxClockLimitException extends RuntimeException {

    private final Instant latest;

    SandboxClockLimitException(Instant latest) {
        super("The sandbox clock may be moved at most to " + latest);
        this.latest = latest;
    }

    /** The latest moment the clock may show. */
    public Instant latest() {
        return latest;
    }
}
