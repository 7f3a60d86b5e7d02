package com.commercehub.subscription;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscriptions for staff: the list and a subscription's detail (sales, finance, admins), and the actions
 * (sales and admins). Each action names the record's version the user saw and is refused with
 * {@link SubscriptionRefusedException} when it changed, when the subscription has ended, or when Stripe refuses;
 * it shows as done only once Stripe has answered. Actions call Stripe outside any database transaction.
 */
@Service
public class SubscriptionService {

    private final SubscriptionQueries queries;
    private final SubscriptionOperations operations;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final PortalLinks links;

    SubscriptionService(SubscriptionQueries queries, SubscriptionOperations operations, EmailOutbox outbox,
                        EmailTemplates templates, Messages messages, PublicAddress address,
                        TransactionTemplate transactions, PortalLinks links) {
        this.links = links;
        this.queries = queries;
        this.operations = operations;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.address = address;
        this.transactions = transactions;
    }

    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    @Transactional(readOnly = true)
    public List<SubscriptionListEntry> page(SubscriptionFilter filter, Pageable page) {
        return queries.page(filter, page);
    }

    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    @Transactional(readOnly = true)
    public long count(SubscriptionFilter filter) {
        return queries.count(filter);
    }

    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    @Transactional(readOnly = true)
    public Optional<SubscriptionDetails> get(long id) {
        return queries.details(id);
    }

    /** Stripe's preview of the invoice the change leads to (nothing is changed). */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ProrationPreview previewChange(long id, long version, ItemChange change) {
        return operations.preview(operations.current(id, version), change);
    }

    /** Changes an item's quantity and/or price at Stripe, billed as {@code change.proration()} says. */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public SubscriptionDetails changeItem(long id, long version, ItemChange change) {
        operations.changeItem(operations.current(id, version), change, Actor.staff(Actors.current()));
        return reread(id);
    }

    /** Pauses collection: renewals are not charged (Stripe voids their invoices) until resumed. */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public SubscriptionDetails pause(long id, long version) {
        operations.pause(operations.current(id, version), Actor.staff(Actors.current()));
        return reread(id);
    }

    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public SubscriptionDetails resume(long id, long version) {
        operations.resume(operations.current(id, version), Actor.staff(Actors.current()));
        return reread(id);
    }

    /** Cancels now or at the end of the current period, with the reason kept at Stripe and in the history. */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public SubscriptionDetails cancel(long id, long version, boolean atPeriodEnd, String reason) {
        operations.cancel(operations.current(id, version), atPeriodEnd, reason, Actor.staff(Actors.current()));
        return reread(id);
    }

    /** Whether the buyer may change quantities in the portal. */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public SubscriptionDetails allowBuyerQuantityChanges(long id, long version, boolean allowed) {
        operations.setBuyerChangesQuantity(operations.current(id, version), allowed, Actor.staff(Actors.current()));
        return reread(id);
    }

    /**
     * E-mails the buyer a link to a Stripe page where they save a new card (a setup-mode Checkout Session, valid
     * 24 hours); returns the address the e-mail went to.
     */
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public String sendPaymentMethodLink(long id, long version) {
        SubscriptionDetails subscription = operations.current(id, version);
        var buyer = subscription.contactId() == null ? Optional.<SubscriptionQueries.Buyer>empty()
                : transactions.execute(tx -> queries.buyer(subscription.contactId()));
        if (buyer.isEmpty()) {
            throw new SubscriptionRefusedException("subscription.refused.no-buyer");
        }
        Locale locale = Messages.supported(buyer.get().locale());
        String url = operations.paymentMethodSession(subscription, address.base() + "/portal?card-saved", locale);
        transactions.executeWithoutResult(tx -> {
            // Every buyer e-mail of ours carries a way into the portal (a magic link, an hour).
            String portal = address.base() + "/portal/" + links.issue(buyer.get().contactId());
            SimpleEmail email = SimpleEmail.of(messages.get("subscription.mail.card.subject", locale),
                            messages.get("subscription.mail.card.heading", locale),
                            messages.get("subscription.mail.card.text", locale, buyer.get().name(),
                                    subscription.summary().items() == null ? "" : subscription.summary().items()))
                    .withAction(messages.get("subscription.mail.card.action", locale), URI.create(url))
                    .withPortalLink(URI.create(portal));
            outbox.enqueue(OutgoingEmail.to(buyer.get().email(), locale, templates.simple(locale, email),
                    "subscription.payment-method-link").withDedupeKey("subscription.card-link:" + id + ":" + com.commercehub.base.secrets.Sha256.hex(url).substring(0, 32)));
            operations.record(id, Actor.staff(Actors.current()), "payment-method-link-sent", buyer.get().email());
        });
        return buyer.get().email();
    }

    private SubscriptionDetails reread(long id) {
        return transactions.execute(tx -> queries.details(id)).orElseThrow();
    }
}
