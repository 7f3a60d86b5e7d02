package com.commercehub.subscription;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The buyer portal's use cases. No staff login: the magic link's token is the credential, and every call looks
 * it up afresh ({@link PortalLinks}), so an expired link stops working mid-visit; a subscription id that is not
 * the link's buyer's is answered as if the link were invalid. Buyer actions go through the same operations as
 * staff actions (Stripe first, then the record) and show in the subscription's history as the buyer's.
 */
@Service
public class BuyerPortal {

    private final PortalLinks links;
    private final SubscriptionQueries queries;
    private final SubscriptionOperations operations;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final UserService users;

    BuyerPortal(PortalLinks links, SubscriptionQueries queries, SubscriptionOperations operations, EmailOutbox outbox,
                EmailTemplates templates, Messages messages, PublicAddress address, TransactionTemplate transactions,
                UserService users) {
        this.users = users;
        this.links = links;
        this.queries = queries;
        this.operations = operations;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.address = address;
        this.transactions = transactions;
    }

    /**
     * Sends a magic link to every buyer with this e-mail address who pays a subscription, in their language.
     * The caller answers the same whether or not anyone was found, so the page tells nobody who is a customer.
     */
    @Transactional
    public void requestLink(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        for (long contact : queries.subscribersByEmail(email.strip())) {
            queries.buyer(contact).ifPresent(buyer -> {
                Locale locale = Messages.supported(buyer.locale());
                String token = links.issue(contact);
                outbox.enqueue(OutgoingEmail.to(buyer.email(), locale, templates.simple(locale, linkEmail(buyer, locale)
                        .withAction(messages.get("portal.mail.action", locale), URI.create(portalUrl(token)))),
                        "portal.link"));
            });
        }
    }

    /**
     * The portal address a fresh link for the contact opens (for e-mails that carry one). Staff only: the link is
     * the buyer's credential, and the buyer side reaches the portal by its e-mail request instead.
     */
    @Transactional
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES})
    public String issueLink(long contactId) {
        return portalUrl(links.issue(contactId));
    }

    @Transactional(readOnly = true)
    public PortalPage open(String token) {
        long contact = contact(token);
        SubscriptionQueries.Buyer buyer = queries.buyer(contact).orElseThrow(PortalLinkInvalidException::new);
        List<SubscriptionDetails> subscriptions = queries.ofContact(contact).stream()
                .map(id -> queries.details(id).orElseThrow()).toList();
        return new PortalPage(contact, buyer.name(), buyer.email(), Messages.supported(buyer.locale()), subscriptions);
    }

    /** Stripe's preview of the next invoice after the buyer's quantity change (prorated, as the seller's default). */
    public ProrationPreview previewQuantity(String token, long subscriptionId, long version, String itemId, long quantity) {
        SubscriptionDetails subscription = ownQuantityChangeable(token, subscriptionId, version);
        return operations.preview(subscription, new ItemChange(itemId, quantity, null, Proration.PRORATE));
    }

    public void changeQuantity(String token, long subscriptionId, long version, String itemId, long quantity) {
        SubscriptionDetails subscription = ownQuantityChangeable(token, subscriptionId, version);
        operations.changeItem(subscription, new ItemChange(itemId, quantity, null, Proration.PRORATE), buyer(subscription));
    }

    /** The buyer ends the subscription at the end of the period they paid for, with their reason. */
    public void cancelAtPeriodEnd(String token, long subscriptionId, long version, String reason) {
        SubscriptionDetails subscription = own(token, subscriptionId, version);
        operations.cancel(subscription, true, reason, buyer(subscription));
        transactions.executeWithoutResult(tx -> queries.ownerEmail(subscriptionId).ifPresent(owner -> {
            Locale locale = users.findByEmail(owner).map(UserSummary::preferredLocale).map(Messages::supported)
                    .orElse(Locale.ENGLISH);
            String buyer = subscription.summary().buyerName() == null ? "" : subscription.summary().buyerName();
            SimpleEmail email = SimpleEmail.of(messages.get("portal.mail.canceled.subject", locale, buyer),
                    messages.get("portal.mail.canceled.heading", locale, buyer),
                    messages.get("portal.mail.canceled.text", locale, buyer,
                            subscription.summary().items() == null ? "" : subscription.summary().items(),
                            reason == null || reason.isBlank() ? "—" : reason.strip()));
            outbox.enqueue(OutgoingEmail.to(owner, locale, templates.simple(locale, email), "subscription.buyer-canceled")
                    .withDedupeKey("subscription.buyer-canceled:" + subscriptionId + ":v" + version));
        }));
    }

    /** Where the buyer saves a new card (a setup-mode Checkout Session); they come back to the portal. */
    public String paymentMethodUrl(String token, long subscriptionId, long version) {
        SubscriptionDetails subscription = own(token, subscriptionId, version);
        Locale locale = transactions.execute(tx -> queries.buyer(subscription.contactId()))
                .map(b -> Messages.supported(b.locale())).orElse(Locale.ENGLISH);
        return operations.paymentMethodSession(subscription, portalUrl(token), locale);
    }

    private SimpleEmail linkEmail(SubscriptionQueries.Buyer buyer, Locale locale) {
        return SimpleEmail.of(messages.get("portal.mail.subject", locale), messages.get("portal.mail.heading", locale),
                messages.get("portal.mail.text", locale, buyer.name()), messages.get("portal.mail.expiry", locale));
    }

    private String portalUrl(String token) {
        return address.base() + "/portal/" + token;
    }

    private long contact(String token) {
        return links.contactOf(token).orElseThrow(PortalLinkInvalidException::new);
    }

    private SubscriptionDetails own(String token, long subscriptionId, long version) {
        long contact = transactions.execute(tx -> contact(token));
        SubscriptionDetails subscription = transactions.execute(tx -> queries.details(subscriptionId))
                .filter(found -> found.contactId() != null && found.contactId() == contact)
                .orElseThrow(PortalLinkInvalidException::new);
        if (subscription.version() != version) {
            throw new SubscriptionRefusedException("subscription.refused.stale");
        }
        return subscription;
    }

    private SubscriptionDetails ownQuantityChangeable(String token, long subscriptionId, long version) {
        SubscriptionDetails subscription = own(token, subscriptionId, version);
        if (!subscription.buyerChangesQuantity()) {
            throw new SubscriptionRefusedException("portal.refused.quantity-not-allowed");
        }
        return subscription;
    }

    private Actor buyer(SubscriptionDetails subscription) {
        return Actor.buyer(transactions.execute(tx -> queries.buyer(subscription.contactId()))
                .map(SubscriptionQueries.Buyer::email).orElse(null));
    }
}
