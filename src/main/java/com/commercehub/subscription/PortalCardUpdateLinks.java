package com.commercehub.subscription;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.checkout.CardUpdateLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The failed-renewal e-mail's link: a fresh portal magic link (an hour, purpose "portal") for the contact who pays
 * the subscription, where the subscription offers <em>Update payment method</em> (a setup-mode Checkout Session).
 * Not secured: it runs in the webhook worker, and the link goes only to the buyer's own address.
 */
@Component
class PortalCardUpdateLinks implements CardUpdateLinks {

    private final PortalLinks links;
    private final JdbcClient jdbc;
    private final PublicAddress address;

    PortalCardUpdateLinks(PortalLinks links, JdbcClient jdbc, PublicAddress address) {
        this.links = links;
        this.jdbc = jdbc;
        this.address = address;
    }

    @Override
    public Optional<String> forSubscription(String accountId, String stripeSubscriptionId) {
        return jdbc.sql("""
                        SELECT contact FROM subscription
                        WHERE account_id = :account AND stripe_subscription_id = :subscription AND contact IS NOT NULL""")
                .param("account", accountId).param("subscription", stripeSubscriptionId).query(Long.class).optional()
                .map(contact -> address.base() + "/portal/" + links.issue(contact));
    }
}
