package com.commercehub.invoice;

import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.QuoteCalculator;
import com.commercehub.quote.QuoteTotals;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Prices an invoice with the quote calculator: line discounts, then the invoice discount, then taxes. */
public final class InvoicePricing {

    private InvoicePricing() {
    }

    static QuoteTotals totals(Invoice invoice) {
        return totals(invoice.currency(), invoice.lines(), invoice.discountKind(), invoice.discountValue());
    }

    public static QuoteTotals totals(Currency currency, List<LineItemDraft> lines, DiscountKind discountKind,
                              BigDecimal discountValue) {
        Adjustment discount = discountKind == null || discountValue == null || discountValue.signum() <= 0 ? null
                : new Adjustment(discountKind == DiscountKind.PERCENT ? Adjustment.Kind.PERCENT : Adjustment.Kind.AMOUNT,
                discountValue);
        return QuoteCalculator.calculate(currency, lines.stream().map(line -> InvoiceLine.input(line, currency)).toList(),
                discount, List.of());
    }
}
