package com.commercehub.product;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the edit form and other features see it. */
public record ProductDetails(long id, long version, String name, String sku, String description, Money price,
                             BillingFrequency frequency, Integer termPeriods, BigDecimal unitCost, Long taxRateId,
                             String url, String imageUrl, boolean archived, String createdBy, Instant createdAt,
                             String updatedBy, Instant updatedAt) {

    public ProductDraft toDraft() {
        return new ProductDraft(name, sku, description, price, frequency, termPeriods, unitCost, taxRateId, url,
                imageUrl);
    }
}
