package com.commercehub.stripe;

/** How many stored events stand where; pending includes those waiting for a retry. */
public record StripeEventCounts(long pending, long retrying, long failed, long processed, long ignored) {
}
