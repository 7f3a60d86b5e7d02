package com.commercehub.product;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;

/**
 * What a user enters for a product, from the form or a CSV row. {@code frequency} null means
 * one-time; {@code unitCost} is in the price's currency.
 */
public record ProductDraft(String name, String sku, String description, Money price, BillingFrequency frequency,
                           Integer termPeriods, BigDecimal unitCost, Long taxRateId, String url, String imageUrl) {

    public boolean recurring() {
        return frequency != null;
    }
}
