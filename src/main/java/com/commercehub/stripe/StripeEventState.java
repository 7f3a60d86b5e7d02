package com.commercehub.stripe;

/** Where a stored Stripe event stands. */
public enum StripeEventState {
    /** Stored; waiting for its first try, or for a retry after a failed one. */
    PENDING,
    /** Every handler for its type ran and their work committed. */
    PROCESSED,
    /** No handler wants its type; kept, so that a duplicate or a reconciler run does not bring it back. */
    IGNORED,
    /** Failed on every try; waits for an admin's Retry. */
    FAILED
}
