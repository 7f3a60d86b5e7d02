package com.commercehub.checkout;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.mail.BuyerPortalLinks;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.quote.QuoteContent;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** E-mails about payments, into the outbox in the recording transaction, each once (dedupe keys). */
@Component
class PaymentNotifications {

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final UserService users;
    private final PublicAddress address;
    private final CardUpdateLinks cardUpdates;
    private final BuyerPortalLinks portalLinks;

    PaymentNotifications(EmailOutbox outbox, EmailTemplates templates, Messages messages, UserService users,
                         PublicAddress address, CardUpdateLinks cardUpdates, BuyerPortalLinks portalLinks) {
        this.portalLinks = portalLinks;
        this.cardUpdates = cardUpdates;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.users = users;
        this.address = address;
    }

    /** "Q-… was paid", to the quote's owner. */
    void quotePaid(PaidQuotes.Target quote, Money amount) {
        QuoteContent content = quote.content();
        Locale locale = ownerLocale(content.ownerEmail());
        SimpleEmail email = SimpleEmail.of(messages.get("mail.quote.paid.subject", locale, content.number()),
                messages.get("mail.quote.paid.heading", locale, content.number(), Formats.money(amount, locale)),
                messages.get("mail.quote.paid.text", locale, content.buyerName(), content.title(), quote.version(),
                        Formats.money(amount, locale)));
        outbox.enqueue(OutgoingEmail.to(content.ownerEmail(), locale, templates.simple(locale, email), "quote.paid")
                .withDedupeKey("quote.paid:" + quote.quoteId() + ":v" + quote.version()));
    }

    /**
     * Who a failed-renewal e-mail goes to and what it names, whether a quote or a payment link sold the
     * subscription: {@code sold} is the quote's number or the link's name, {@code title} what was bought.
     */
    record FailedRenewal(String sold, String title, String buyerEmail, String buyerName, Locale buyerLocale,
                         String ownerName, String ownerEmail) {

        static FailedRenewal ofQuote(PaidQuotes.Target quote) {
            QuoteContent content = quote.content();
            return new FailedRenewal(content.number(), content.title(), content.buyerEmail(), content.buyerName(),
                    Messages.supported(Locale.forLanguageTag(content.locale())), content.ownerName(), content.ownerEmail());
        }

    }

    /** A link's buyer is known by the e-mail address Stripe's invoice has; the link's creator sold it. */
    FailedRenewal linkRenewal(PaymentLinkSales.Described link, String buyerEmail, String buyerName) {
        Locale locale = link.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(link.language());
        String seller = users.findByEmail(link.owner()).map(UserSummary::displayName).filter(n -> !n.isBlank())
                .orElse(link.owner());
        return new FailedRenewal(link.name(), link.name(), buyerEmail,
                buyerName == null || buyerName.isBlank() ? buyerEmail : buyerName, Messages.supported(locale),
                seller, link.owner());
    }

    /**
     * A renewal could not be charged: the buyer gets a fresh magic link into our portal, where they update the card
     * (the link lasts an hour; after that the portal's own page sends a new one to their address), the owner is
     * told. Once per invoice.
     */
    void renewalFailed(FailedRenewal renewal, String accountId, String subscriptionId, String invoiceId,
                       String subscriptionStatus) {
        Locale buyerLocale = renewal.buyerLocale();
        String portal = address.base() + "/portal";
        if (renewal.buyerEmail() != null && !renewal.buyerEmail().isBlank()) {
            Optional<String> signedIn = cardUpdates.forSubscription(accountId, subscriptionId);
            SimpleEmail buyer = SimpleEmail.of(messages.get("mail.subscription.failed.buyer.subject", buyerLocale, renewal.sold()),
                            messages.get("mail.subscription.failed.buyer.heading", buyerLocale),
                            messages.get("mail.subscription.failed.buyer.text", buyerLocale, renewal.title(),
                                    renewal.ownerName(), renewal.ownerEmail()),
                            messages.get("inv13.mail.subscription.failed.buyer.expiry", buyerLocale, portal))
                    .withAction(messages.get("mail.subscription.failed.buyer.action", buyerLocale),
                            URI.create(signedIn.orElse(portal)))
                    // The button already signs a known subscriber in; otherwise the buyer's own portal link.
                    .withPortalLink(signedIn.isPresent() ? null : portalLinks.forBuyer(renewal.buyerEmail()));
            outbox.enqueue(OutgoingEmail.to(renewal.buyerEmail(), buyerLocale, templates.simple(buyerLocale, buyer),
                    "subscription.payment-failed").withDedupeKey("subscription.failed.buyer:" + invoiceId));
        }
        if (renewal.ownerEmail() == null || renewal.ownerEmail().isBlank()) {
            return;
        }
        Locale locale = ownerLocale(renewal.ownerEmail());
        SimpleEmail owner = SimpleEmail.of(messages.get("mail.subscription.failed.owner.subject", locale, renewal.sold()),
                messages.get("mail.subscription.failed.owner.heading", locale, renewal.sold()),
                messages.get("mail.subscription.failed.owner.text", locale, renewal.buyerName(), renewal.title(),
                        subscriptionStatus));
        outbox.enqueue(OutgoingEmail.to(renewal.ownerEmail(), locale, templates.simple(locale, owner),
                "subscription.payment-failed.owner").withDedupeKey("subscription.failed.owner:" + invoiceId));
    }

    /** A buyer disputed a payment, or the dispute closed: the owner is told (once per dispute and status). */
    void dispute(PaidQuotes.Target quote, String disputeId, PaymentStatus status, Money amount) {
        QuoteContent content = quote.content();
        Locale locale = ownerLocale(content.ownerEmail());
        String state = messages.get(status.messageKey(), locale);
        SimpleEmail email = SimpleEmail.of(messages.get("mail.payment.dispute.subject", locale, content.number(), state),
                messages.get("mail.payment.dispute.heading", locale, content.number(), state),
                messages.get("mail.payment.dispute.text", locale, content.buyerName(), Formats.money(amount, locale), state));
        outbox.enqueue(OutgoingEmail.to(content.ownerEmail(), locale, templates.simple(locale, email), "payment.dispute")
                .withDedupeKey("payment.dispute:" + disputeId + ":" + status.name()));
    }

    Locale ownerLocale(String email) {
        return users.findByEmail(email).map(UserSummary::preferredLocale).map(Messages::supported).orElse(Locale.ENGLISH);
    }
}
