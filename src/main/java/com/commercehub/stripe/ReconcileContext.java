package com.commercehub.stripe;

import com.stripe.StripeClient;

import java.time.Instant;

/**
 * What a {@link ReconcileStep} gets for one run.
 *
 * @param accountId         the connected Stripe account
 * @param client            a client for that account (the connection's key, or the sandbox)
 * @param startedAt         when this run started
 * @param previousRunStarted when the previous complete run started, or null on the first run
 */
public record ReconcileContext(String accountId, StripeClient client, Instant startedAt, Instant previousRunStarted) {
}
