package com.commercehub.crm;

import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/**
 * A deal line as entered. {@code productId} is set for lines copied from the library; the copied
 * values stay as they were even when the product changes later.
 */
public record DealLineDraft(Long productId, String name, String sku, BigDecimal quantity, BigDecimal unitPrice,
                            DiscountKind discountKind, BigDecimal discountValue, BigDecimal taxPercentage,
                            boolean taxInclusive, BillingFrequency frequency, Integer termPeriods) {
}
