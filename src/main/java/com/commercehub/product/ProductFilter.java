package com.commercehub.product;

/**
 * What the library shows: a search over name and SKU, and optional filters.
 *
 * @param search   matches names containing it or SKUs starting with it; blank for all
 * @param billing  null for both kinds
 * @param currency ISO code or null for all
 * @param status   which products by archive state
 */
public record ProductFilter(String search, BillingKind billing, String currency, Status status) {

    public enum BillingKind { ONE_TIME, RECURRING }

    public enum Status { ACTIVE, ARCHIVED, ALL }

    public static ProductFilter active() {
        return new ProductFilter("", null, null, Status.ACTIVE);
    }
}
