package com.commercehub.product;

import java.math.BigDecimal;

/** What a user enters for a tax rate. */
public record TaxRateDraft(String name, BigDecimal percentage, boolean inclusive, String country, String region) {
}
