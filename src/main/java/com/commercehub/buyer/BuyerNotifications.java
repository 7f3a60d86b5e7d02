package com.commercehub.buyer;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.mail.BuyerPortalLinks;
import com.commercehub.mail.EmailAttachment;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteSigned;
import com.commercehub.quote.QuoteViewed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;

/**
 * E-mails about what buyers do, written to the outbox in the same transaction as the step itself
 * (so a step that rolls back sends nothing, and one that commits is never forgotten): the owner
 * hears of the first view and of the signature; the buyer gets a copy of what they signed, as a PDF.
 * Each in its recipient's language; dedupe keys make a repeated step enqueue nothing new.
 */
@Component
class BuyerNotifications {

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final UserService users;
    private final QuotePages pages;
    private final QuotePdf pdf;
    private final String publicUrl;
    private final BuyerPortalLinks portal;

    BuyerNotifications(EmailOutbox outbox, EmailTemplates templates, Messages messages, UserService users,
                       QuotePages pages, QuotePdf pdf, PublicAddress publicAddress, BuyerPortalLinks portal) {
        this.portal = portal;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.users = users;
        this.pages = pages;
        this.pdf = pdf;
        this.publicUrl = publicAddress.url().orElse("");
    }

    @EventListener
    void onViewed(QuoteViewed viewed) {
        QuoteContent content = viewed.content();
        Locale locale = ownerLocale(content);
        SimpleEmail email = SimpleEmail.of(
                messages.get("mail.quote.viewed.subject", locale, content.number()),
                messages.get("mail.quote.viewed.heading", locale, content.number(), content.buyerName()),
                messages.get("mail.quote.viewed.text", locale, content.buyerName(), content.title(), content.version()));
        outbox.enqueue(OutgoingEmail.to(content.ownerEmail(), locale, templates.simple(locale, withBuilderLink(email,
                        viewed.quoteId(), locale)), "quote.viewed")
                .withDedupeKey("quote.viewed:" + viewed.quoteId() + ":v" + viewed.version()));
    }

    @EventListener
    void onSigned(QuoteSigned signed) {
        QuoteContent content = signed.quote().content();
        long id = signed.quote().quoteId();
        int version = signed.quote().version();
        Locale ownerLocale = ownerLocale(content);
        SimpleEmail owner = SimpleEmail.of(
                messages.get("mail.quote.signed.subject", ownerLocale, content.number()),
                messages.get("mail.quote.signed.heading", ownerLocale, content.number(), signed.signature().name()),
                messages.get("mail.quote.signed.text", ownerLocale, signed.signature().name(),
                        signed.signature().email(), content.title(), version));
        outbox.enqueue(OutgoingEmail.to(content.ownerEmail(), ownerLocale,
                        templates.simple(ownerLocale, withBuilderLink(owner, id, ownerLocale)), "quote.signed")
                .withDedupeKey("quote.signed.owner:" + id + ":v" + version));

        Locale buyerLocale = QuotePages.localeOf(content);
        QuotePage page = pages.page(signed.quote(), QuotePage.Mode.PDF, QuotePage.SignForm.hidden(),
                new QuotePage.Paths(null, null, null, null));
        byte[] document = pdf.render(page);
        SimpleEmail copy = SimpleEmail.of(
                messages.get("mail.quote.signed-copy.subject", buyerLocale, content.number()),
                messages.get("mail.quote.signed-copy.heading", buyerLocale, content.number()),
                messages.get("mail.quote.signed-copy.text", buyerLocale, content.title(), content.ownerName(),
                        content.ownerEmail()))
                .withPortalLink(portal.forBuyer(signed.signature().email()));
        String file = content.number().replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + version + "-signed.pdf";
        outbox.enqueue(OutgoingEmail.to(signed.signature().email(), buyerLocale, templates.simple(buyerLocale, copy),
                        "quote.signed-copy")
                .withAttachment(EmailAttachment.pdf(file, document))
                .withDedupeKey("quote.signed.buyer:" + id + ":v" + version));
    }

    private Locale ownerLocale(QuoteContent content) {
        return users.findByEmail(content.ownerEmail()).map(UserSummary::preferredLocale)
                .map(Messages::supported).orElse(Locale.ENGLISH);
    }

    /** A button to the quote in the builder, when the app knows its public address. */
    private SimpleEmail withBuilderLink(SimpleEmail email, long quoteId, Locale locale) {
        if (publicUrl.isEmpty()) {
            return email;
        }
        return email.withAction(messages.get("mail.quote.open-builder", locale), URI.create(publicUrl + "/quotes/" + quoteId));
    }
}
