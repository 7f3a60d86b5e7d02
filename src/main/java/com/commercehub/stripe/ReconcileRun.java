package com.commercehub.stripe;

import java.time.Instant;

/** One reconciler run as the run log keeps it; {@code finishedAt} is null while it runs (or if its node died). */
public record ReconcileRun(long id, String accountId, String triggeredBy, Instant startedAt, Instant finishedAt,
                           int eventsSeen, int repaired, int errors, String details, String errorMessage) {
}
