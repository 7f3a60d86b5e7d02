package com.commercehub.stripe;

import com.stripe.StripeClient;

/**
 * The Stripe account that takes buyers' payments now, ready to transact: its id (recorded with
 * whatever is made in it) and a client for it. {@code sandbox} is true for the built-in sandbox.
 */
public record PaymentAccount(String accountId, boolean sandbox, StripeClient client) {
}
