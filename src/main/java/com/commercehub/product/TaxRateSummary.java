package com.commercehub.product;

import java.math.BigDecimal;

public record TaxRateSummary(long id, long version, String name, BigDecimal percentage, boolean inclusive,
                             String country, String region, boolean archived) {
}
