package com.commercehub.invoice;

import com.commercehub.base.money.Money;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.quote.QuoteTotals;

import java.util.ArrayList;
import java.util.List;

/** Turns the aggregate into the records staff and buyer pages show. */
final class InvoiceViews {

    private InvoiceViews() {
    }

    static InvoiceDetails details(Invoice invoice, List<InvoiceDetails.ReceivedPayment> payments) {
        QuoteTotals totals = InvoicePricing.totals(invoice);
        List<LineItemDraft> drafts = invoice.lines();
        List<LineItemDetails> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            lines.add(LineItemDetails.of(i, drafts.get(i), invoice.currency(), totals.lines().get(i).net()));
        }
        InvoiceHeader header = new InvoiceHeader(invoice.deal(), invoice.contact(), invoice.company(),
                invoice.buyerName(), invoice.buyerEmail(), invoice.locale(), invoice.currency(), invoice.issueDate(),
                invoice.terms(), invoice.dueDate(), invoice.discountKind(), invoice.discountValue(),
                invoice.allowPartial(), invoice.comments(), invoice.footer());
        Money paid = new Money(invoice.amountPaid(), invoice.currency());
        Money due = totals.oneTimeTotal().minus(paid);
        return new InvoiceDetails(invoice.id(), invoice.version(), invoice.number(), invoice.status(), header,
                invoice.owner(), List.copyOf(lines), totals, paid, due.isNegative() ? Money.zero(invoice.currency()) : due,
                invoice.sentAt(), invoice.paidAt(), invoice.voidReason(), payments);
    }
}
