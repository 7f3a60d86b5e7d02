package com.commercehub.invoice;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItem;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.LineTax;
import com.commercehub.quote.QuoteLineInput;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import java.util.Currency;

/** One line item of an invoice; owned by the {@link Invoice}. Same columns as deal and quote lines. */
@Table("invoice_line")
class InvoiceLine {

    @Embedded.Empty
    private LineItem item;

    static InvoiceLine of(LineItemDraft draft) {
        InvoiceLine line = new InvoiceLine();
        line.item = LineItem.of(draft);
        return line;
    }

    LineItemDraft draft() {
        return item.draft();
    }

    /** The quote calculator's view of the line: invoices are priced exactly as quotes are. */
    static QuoteLineInput input(LineItemDraft line, Currency currency) {
        Adjustment discount = line.discountKind() == null || line.discountValue() == null ? null : new Adjustment(
                line.discountKind() == DiscountKind.PERCENT ? Adjustment.Kind.PERCENT : Adjustment.Kind.AMOUNT,
                line.discountValue());
        LineTax tax = line.taxPercentage() == null ? null : new LineTax(line.taxPercentage(), line.taxInclusive());
        return new QuoteLineInput(line.quantity(), new Money(line.unitPrice(), currency), discount, tax, null);
    }
}
