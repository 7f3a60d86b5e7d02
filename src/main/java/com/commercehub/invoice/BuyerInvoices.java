package com.commercehub.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Invoices as buyers reach them: through the link's token, with no login (the token is the credential,
 * so this is not a secured service). A malformed, unknown or draft token finds nothing.
 */
@Component
public class BuyerInvoices {

    private final InvoiceRepository invoices;
    private final JdbcClient jdbc;

    BuyerInvoices(InvoiceRepository invoices, JdbcClient jdbc) {
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<InvoiceDetails> open(String token) {
        return find(token).map(invoice -> InvoiceViews.details(invoice, java.util.List.of()));
    }

    /** The invoice behind the link, for Checkout. @throws InvoiceNotPayableException when nothing is due */
    @Transactional(readOnly = true)
    public Optional<PayableInvoice> forCheckout(String token) {
        return find(token).map(invoice -> {
            InvoiceDetails details = InvoiceViews.details(invoice, java.util.List.of());
            if (!invoice.status().collectible() || !details.amountDue().isPositive()) {
                throw new InvoiceNotPayableException("invoice " + invoice.id() + " is " + invoice.status());
            }
            return new PayableInvoice(invoice.id(), invoice.number(), details.amountDue(), invoice.buyerName(),
                    invoice.buyerEmail(), invoice.locale(), invoice.deal(), invoice.contact(), invoice.company(),
                    invoice.allowPartial());
        });
    }

    /** Who an invoice bills (deal, contact, company), for the payment that settles it. */
    @Transactional(readOnly = true)
    public Optional<PayableInvoice> parties(long invoiceId) {
        return invoices.findById(invoiceId).map(invoice -> {
            InvoiceDetails details = InvoiceViews.details(invoice, java.util.List.of());
            return new PayableInvoice(invoice.id(), invoice.number(), details.amountDue(), invoice.buyerName(),
                    invoice.buyerEmail(), invoice.locale(), invoice.deal(), invoice.contact(), invoice.company(),
                    invoice.allowPartial());
        });
    }

    /**
     * The sent invoices of a buyer, newest first, for the portal (which has checked its own token): those linked
     * to the contact, and those addressed to the contact's e-mail without a contact. Drafts are not the buyer's yet.
     */
    @Transactional(readOnly = true)
    public java.util.List<InvoiceListEntry> ofBuyer(long contactId, String email) {
        return jdbc.sql("""
                        SELECT id, number, status, buyer_name, issue_date, due_date, currency, total, amount_paid
                        FROM invoice""" + OF_BUYER + " ORDER BY issue_date DESC, id DESC LIMIT 100")
                .param("contact", contactId).param("email", email == null ? "" : email)
                .query((rs, n) -> InvoiceService.listEntry(rs)).list();
    }

    /** One of {@link #ofBuyer}'s invoices, or nothing when the invoice is not that buyer's (or still a draft). */
    @Transactional(readOnly = true)
    public Optional<InvoiceDetails> ofBuyer(long contactId, String email, long invoiceId) {
        return jdbc.sql("SELECT id FROM invoice" + OF_BUYER + " AND id = :id").param("contact", contactId)
                .param("email", email == null ? "" : email).param("id", invoiceId).query(Long.class).optional()
                .flatMap(invoices::findById).map(invoice -> InvoiceViews.details(invoice, java.util.List.of()));
    }

    private static final String OF_BUYER = " WHERE status <> 'DRAFT'"
            + " AND (contact = :contact OR (contact IS NULL AND buyer_email = :email AND :email <> ''))";

    /**
     * Whether the payment of the Checkout Session the buyer came back from is recorded on the invoice behind the
     * link (its webhook has arrived), so the return page can stop saying "being confirmed" and offer the rest.
     */
    @Transactional(readOnly = true)
    public boolean paymentArrived(String token, String checkoutSessionId) {
        if (checkoutSessionId == null || checkoutSessionId.isBlank()) {
            return false;
        }
        return find(token).map(invoice -> jdbc.sql("""
                        SELECT COUNT(*) FROM payment WHERE invoice = :id AND checkout_session_id = :session
                        AND status NOT IN ('PROCESSING', 'FAILED')""")
                .param("id", invoice.id()).param("session", checkoutSessionId).query(Long.class).single() > 0)
                .orElse(false);
    }

    /** The invoice id behind a link, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String token) {
        return find(token).map(Invoice::id);
    }

    private Optional<Invoice> find(String token) {
        if (!InvoiceLinks.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM invoice WHERE token_hash = :hash").param("hash", InvoiceLinks.hash(token))
                .query(Long.class).optional().flatMap(invoices::findById);
    }
}
