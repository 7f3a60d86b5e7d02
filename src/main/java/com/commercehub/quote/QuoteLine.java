package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItem;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import java.util.Currency;

/** One line item of a quote; owned by the {@link Quote}. Copied from the deal, then edited on the quote. */
@Table("quote_line")
class QuoteLine {

    @Embedded.Empty
    private LineItem item;

    static QuoteLine of(LineItemDraft draft) {
        QuoteLine line = new QuoteLine();
        line.item = LineItem.of(draft);
        return line;
    }

    LineItemDraft draft() {
        return item.draft();
    }

    /** The calculator's view of a line item. */
    static QuoteLineInput input(LineItemDraft line, Currency currency) {
        Adjustment discount = line.discountKind() == null ? null : new Adjustment(
                line.discountKind() == DiscountKind.PERCENT ? Adjustment.Kind.PERCENT : Adjustment.Kind.AMOUNT,
                line.discountValue());
        LineTax tax = line.taxPercentage() == null ? null : new LineTax(line.taxPercentage(), line.taxInclusive());
        return new QuoteLineInput(line.quantity(), new Money(line.unitPrice(), currency), discount, tax,
                line.frequency());
    }

    static LineItemDetails details(int index, LineItemDraft line, Currency currency, QuoteLineResult result) {
        return LineItemDetails.of(index, line, currency, result.net());
    }
}
