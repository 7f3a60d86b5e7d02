package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/** A line item of a deal or a quote as shown: {@code net} is quantity × price less the line discount, rounded. */
public record LineItemDetails(int index, Long productId, String name, String sku, BigDecimal quantity, Money unitPrice,
                              DiscountKind discountKind, BigDecimal discountValue, BigDecimal taxPercentage,
                              boolean taxInclusive, BillingFrequency frequency, Integer termPeriods, Money net) {

    /** A line as shown, {@code net} worked out by its owner (a deal, or the quote calculator). */
    public static LineItemDetails of(int index, LineItemDraft line, java.util.Currency currency, Money net) {
        return new LineItemDetails(index, line.productId(), line.name(), line.sku(), line.quantity(),
                new Money(line.unitPrice(), currency), line.discountKind(), line.discountValue(), line.taxPercentage(),
                line.taxInclusive(), line.frequency(), line.termPeriods(), net);
    }

    public LineItemDraft toDraft() {
        return new LineItemDraft(productId, name, sku, quantity, unitPrice.amount(), discountKind, discountValue,
                taxPercentage, taxInclusive, frequency, termPeriods);
    }
}
