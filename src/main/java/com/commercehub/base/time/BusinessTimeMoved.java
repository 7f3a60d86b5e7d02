package com.commercehub.base.time;

import java.time.Instant;

/** Published when business time jumps forward, so that what fell due in between is handled at once. */
public record BusinessTimeMoved(Instant now) {
}
