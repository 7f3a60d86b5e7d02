package com.commercehub.invoice;

import com.commercehub.base.money.Money;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.quote.QuoteTotals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as staff and buyers see it. {@code number} is null while a draft; {@code amountDue} is the
 * total less what has been received; the header's due date is the one worked out; {@code payments} lists what was received, newest last.
 */
public record InvoiceDetails(long id, long version, String number, InvoiceStatus status, InvoiceHeader header,
                             String owner, List<LineItemDetails> lines, QuoteTotals totals, Money amountPaid,
                             Money amountDue, Instant sentAt, Instant paidAt, String voidReason,
                             List<ReceivedPayment> payments) {

    /** One sum received for the invoice: through Stripe ({@code method} as Stripe names it) or recorded by hand. */
    public record ReceivedPayment(LocalDate date, Money amount, String method, String reference, boolean manual) {
    }

    public LocalDate dueDate() {
        return header.dueDate();
    }

    public boolean editable() {
        return status == InvoiceStatus.DRAFT;
    }
}
