package com.commercehub.crm;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Deals for purchases made without a salesperson (a payment link), with the buyer as contact: for the
 * processing of Stripe's events, which runs with no signed-in user — not a secured service on purpose,
 * and it joins the caller's transaction.
 */
@Component
public class PurchaseDeals {

    /** The deal made and the buyer's contact (found by e-mail, or new). */
    public record Purchase(long dealId, long contactId) {
    }

    private final DealRepository deals;
    private final ContactRepository contacts;
    private final JdbcClient jdbc;
    private final Clock clock;

    PurchaseDeals(DealRepository deals, ContactRepository contacts, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A deal named {@code dealName} in {@code stage}, owned by {@code owner}, with the buyer as its contact
     * (closing today when the stage is a closed one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Purchase record(String dealName, DealStage stage, Currency currency, String owner, String email,
                           String buyerName, Locale language, LocalDate today) {
        long contact = contactFor(email, buyerName, language);
        Deal deal = deals.save(Deal.create(new DealDraft(dealName, owner, stage, currency, null, Set.of(contact),
                stage.closed() ? today : null), clock.instant()));
        return new Purchase(deal.id(), contact);
    }

    /**
     * The buyer's contact, found by e-mail or made now: a purchase without a deal still has a buyer (for the
     * subscriptions list, the portal, and the payment's record).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long buyer(String email, String buyerName, Locale language) {
        return contactFor(email, buyerName, language);
    }

    /** A new contact keeps the language the buyer bought in, so the portal and e-mails speak it; a known one keeps its own. */
    private long contactFor(String email, String buyerName, Locale language) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return jdbc.sql("SELECT id FROM contact WHERE email = :email").param("email", key).query(Long.class).optional()
                .orElseGet(() -> {
                    String name = buyerName == null || buyerName.isBlank() ? key.substring(0, key.indexOf('@')) : buyerName.strip();
                    int space = name.lastIndexOf(' ');
                    String first = space > 0 ? name.substring(0, space) : name;
                    String last = space > 0 ? name.substring(space + 1) : "–";
                    return contacts.save(Contact.create(new ContactDraft(first, last, key, null, language), clock.instant())).id();
                });
    }
}
