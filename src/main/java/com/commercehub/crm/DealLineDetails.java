package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/** A line of a deal as shown: {@code net} is quantity × price less the line discount, rounded. */
public record DealLineDetails(int index, Long productId, String name, String sku, BigDecimal quantity, Money unitPrice,
                              DiscountKind discountKind, BigDecimal discountValue, BigDecimal taxPercentage,
                              boolean taxInclusive, BillingFrequency frequency, Integer termPeriods, Money net) {

    public DealLineDraft toDraft() {
        return new DealLineDraft(productId, name, sku, quantity, unitPrice.amount(), discountKind, discountValue,
                taxPercentage, taxInclusive, frequency, termPeriods);
    }
}
