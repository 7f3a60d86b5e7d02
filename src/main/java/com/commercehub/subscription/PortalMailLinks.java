package com.commercehub.subscription;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.BuyerPortalLinks;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The portal link under every buyer e-mail: a fresh magic link for the contact with the recipient's address
 * (one who pays a subscription first, then the oldest), or the request page when no contact has it — the
 * portal shows a contact's subscriptions, invoices and receipts, so there is nothing to open without one. Not
 * secured: it runs wherever a buyer e-mail is written (webhook worker, scheduler), and the link goes only to
 * that address.
 */
@Component
class PortalMailLinks implements BuyerPortalLinks {

    private final PortalLinks links;
    private final SubscriptionQueries queries;
    private final PublicAddress address;

    PortalMailLinks(PortalLinks links, SubscriptionQueries queries, PublicAddress address) {
        this.links = links;
        this.queries = queries;
        this.address = address;
    }

    @Override
    public URI forBuyer(String email) {
        String portal = address.base() + "/portal";
        if (email == null || email.isBlank()) {
            return URI.create(portal);
        }
        return queries.portalContactByEmail(email.strip())
                .map(contact -> URI.create(portal + "/" + links.issue(contact)))
                .orElse(URI.create(portal));
    }
}
