package com.commercehub.product;

import com.commercehub.base.money.Money;

import java.time.Instant;

/** One row of the product library grid, read straight from SQL. */
public record ProductListEntry(long id, String name, String sku, Money price, BillingFrequency frequency,
                               Integer termPeriods, String taxRateName, boolean archived, Instant updatedAt) {
}
