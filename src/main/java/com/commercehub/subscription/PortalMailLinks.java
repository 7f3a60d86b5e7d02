package com.commercehub.subscription;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.BuyerPortalLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final PublicAddress address;

    PortalMailLinks(PortalLinks links, JdbcClient jdbc, PublicAddress address) {
        this.links = links;
        this.jdbc = jdbc;
        this.address = address;
    }

    @Override
    public URI forBuyer(String email) {
        String portal = address.base() + "/portal";
        if (email == null || email.isBlank()) {
            return URI.create(portal);
        }
        return jdbc.sql("""
                        SELECT c.id FROM contact c
                        WHERE LOWER(c.email) = LOWER(:email)
                        ORDER BY EXISTS (SELECT 1 FROM subscription s WHERE s.contact = c.id) DESC, c.id
                        LIMIT 1""")
                .param("email", email.strip()).query(Long.class).optional()
                .map(contact -> URI.create(portal + "/" + links.issue(contact)))
                .orElse(URI.create(portal));
    }
}
