package com.commercehub.invoice;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.mail.EmailAttachment;
import com.commercehub.mail.BuyerPortalLinks;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;

/**
 * The buyer's e-mails about an invoice — sent (and resent), due today, overdue — each with the link to the invoice page
 * (pay and PDF there), in the invoice's language, written to the outbox inside the caller's transaction.
 */
@Component
class InvoiceMails {

    enum Kind { SENT, DUE, OVERDUE }

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final PublicAddress address;
    private final BuyerPortalLinks portal;

    InvoiceMails(EmailOutbox outbox, EmailTemplates templates, Messages messages, PublicAddress address,
                 BuyerPortalLinks portal) {
        this.portal = portal;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.address = address;
    }

    void enqueue(Invoice invoice, String token, Kind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        outbox.enqueue(email(invoice, token, name, invoice.buyerEmail(), "invoice." + name)
                .withDedupeKey("invoice." + name + ":" + invoice.id()));
    }

    /**
     * The invoice e-mail once more, as first sent (same wording, same link), with its PDF, to {@code recipient}.
     * Keyed by the staff member's request, not the invoice: each resend is meant to arrive, a double click is not.
     */
    long enqueueResend(Invoice invoice, String token, String recipient, String requestKey, EmailAttachment pdf) {
        return outbox.enqueue(email(invoice, token, "sent", recipient, "invoice.resent").withAttachment(pdf)
                .withDedupeKey("invoice.resent:" + invoice.id() + ":" + requestKey));
    }

    private OutgoingEmail email(Invoice invoice, String token, String name, String recipient, String kind) {
        Locale locale = Messages.supported(invoice.locale());
        Money due = new Money(invoice.total().subtract(invoice.amountPaid()), invoice.currency());
        SimpleEmail email = SimpleEmail.of(
                        messages.get("invoice.mail." + name + ".subject", locale, invoice.number()),
                        messages.get("invoice.mail." + name + ".heading", locale, invoice.number()),
                        messages.get("invoice.mail." + name + ".text", locale, invoice.buyerName(),
                                Formats.money(due, locale), Formats.date(invoice.dueDate(), locale)))
                .withAction(messages.get("invoice.mail.open", locale), URI.create(address.base() + InvoiceLinks.PATH + token))
                .withPortalLink(portal.forBuyer(recipient));
        return OutgoingEmail.to(recipient, locale, templates.simple(locale, email), kind);
    }
}
