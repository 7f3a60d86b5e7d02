package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/** A line item of a deal or a quote as shown: {@code net} is quantity × price less the line discount, rounded. */
public record LineItemDetails(int index, Long productId, String name, String sku, BigDecimal quantity, Money unitPrice,
                              DiscountKind discountKind, BigDecimal discountValue, BigDecimal taxPercentage,
                              boolean taxInclusive, BillingFrequency frequency, Integer termPeriods, Money net) {

    public LineItemDraft toDraft() {
        return new LineItemDraft(productId, name, sku, quantity, unitPrice.amount(), discountKind, discountValue,
                taxPercentage, taxInclusive, frequency, termPeriods);
    }
}
