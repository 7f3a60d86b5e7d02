package com.commercehub.invoice;

/**
 * An invoice moved to {@code status} (sent → open, overdue, paid, void…), published when the invoice is saved,
 * inside that transaction, for features that react to invoices (automation). Listeners only write rows.
 */
public record InvoiceStatusChanged(long invoiceId, InvoiceStatus status) {
}
