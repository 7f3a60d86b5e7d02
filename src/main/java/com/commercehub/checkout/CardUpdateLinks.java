package com.commercehub.checkout;

import java.util.Optional;

/**
 * Port: where a subscriber whose renewal failed goes to put in another card — our own buyer portal, never
 * Stripe's billing portal (its sessions live minutes and it shows Stripe's look, not the seller's). Implemented
 * by the subscription package, which owns the portal's magic links; checkout depends on it only through here.
 */
public interface CardUpdateLinks {

    /**
     * A fresh portal address, signed in as the subscription's buyer, for the e-mail about the failed renewal (in
     * the caller's transaction); empty when the subscription has no known buyer.
     */
    Optional<String> forSubscription(String accountId, String stripeSubscriptionId);
}
