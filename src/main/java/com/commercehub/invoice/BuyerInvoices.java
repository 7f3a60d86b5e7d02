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
                    invoice.buyerEmail(), invoice.locale(), invoice.deal(), invoice.contact(), invoice.company());
        });
    }

    /** Who an invoice bills (deal, contact, company), for the payment that settles it. */
    @Transactional(readOnly = true)
    public Optional<PayableInvoice> parties(long invoiceId) {
        return invoices.findById(invoiceId).map(invoice -> {
            InvoiceDetails details = InvoiceViews.details(invoice, java.util.List.of());
            return new PayableInvoice(invoice.id(), invoice.number(), details.amountDue(), invoice.buyerName(),
                    invoice.buyerEmail(), invoice.locale(), invoice.deal(), invoice.contact(), invoice.company());
        });
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
