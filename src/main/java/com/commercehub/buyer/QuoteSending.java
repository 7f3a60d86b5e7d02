package com.commercehub.buyer;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.BuyerPortalLinks;
import com.commercehub.mail.EmailAttachment;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteActivityService;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteDelivery;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.util.Locale;

/**
 * Sends a published quote to its buyer from the review step: the link (and, if asked, the PDF), in the
 * quote's language, through the outbox. Buyer owns this because it owns the link's page and the PDF.
 */
@Service
public class QuoteSending implements QuoteDelivery {

    private final QuoteService quotes;
    private final QuoteActivityService activity;
    private final QuotePages pages;
    private final QuotePdf pdf;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final String publicUrl;
    private final BuyerPortalLinks portal;

    QuoteSending(QuoteService quotes, QuoteActivityService activity, QuotePages pages, QuotePdf pdf, EmailOutbox outbox,
                 EmailTemplates templates, Messages messages, PublicAddress publicAddress, BuyerPortalLinks portal) {
        this.portal = portal;
        this.quotes = quotes;
        this.activity = activity;
        this.pages = pages;
        this.pdf = pdf;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.publicUrl = publicAddress.url().orElse("");
    }

    /**
     * Writes the e-mail to the outbox. {@code linkAddress} is the buyer link as the staff member sees it (absolute);
     * PUBLIC_URL wins when set. Once per version and recipient: a second click stores nothing new.
     *
     * @throws IllegalStateException when the quote has no live link or no buyer e-mail
     */
    @Override
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public Sent sendToBuyer(long quoteId, boolean attachPdf, String linkAddress) {
        QuoteDetails details = quotes.get(quoteId);
        String path = quotes.buyerLink(quoteId).orElseThrow(() -> new IllegalStateException("no live link"));
        BuyerQuote published = activity.version(quoteId, details.publishedVersion()).orElseThrow();
        QuoteContent content = published.content();
        if (content.buyerEmail() == null || content.buyerEmail().isBlank()) {
            throw new IllegalStateException("no buyer e-mail");
        }
        Locale locale = QuotePages.localeOf(content);
        String link = !publicUrl.isEmpty() ? publicUrl + path : linkAddress;
        SimpleEmail email = SimpleEmail.of(
                        messages.get("review.mail.subject", locale, content.number(), content.title()),
                        messages.get("review.mail.heading", locale, content.buyerName()),
                        messages.get("review.mail.text", locale, content.ownerName(), content.title(),
                                com.commercehub.base.i18n.Formats.date(content.expiresOn(), locale)))
                .withAction(messages.get("review.mail.open", locale), URI.create(link))
                .withPortalLink(portal.forBuyer(content.buyerEmail()));
        OutgoingEmail outgoing = OutgoingEmail.to(content.buyerEmail(), locale, templates.simple(locale, email), "quote.sent")
                .withDedupeKey("quote.sent:" + quoteId + ":v" + published.version() + ":"
                        + content.buyerEmail().toLowerCase(Locale.ROOT));
        if (attachPdf) {
            QuotePage page = pages.page(published, QuotePage.Mode.PDF, QuotePage.SignForm.hidden(),
                    new QuotePage.Paths(null, null, null, null));
            String file = content.number().replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + published.version() + ".pdf";
            outgoing = outgoing.withAttachment(EmailAttachment.pdf(file, pdf.render(page)));
        }
        return new Sent(content.buyerEmail(), outbox.enqueue(outgoing));
    }
}
