package com.commercehub.crm;

import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/**
 * A line item of a deal or a quote as entered. {@code productId} is set for lines copied from the
 * library; the copied values stay as they were even when the product changes later.
 */
public record LineItemDraft(Long productId, String name, String sku, BigDecimal quantity, BigDecimal unitPrice,
                            DiscountKind discountKind, BigDecimal discountValue, BigDecimal taxPercentage,
                            boolean taxInclusive, BillingFrequency frequency, Integer termPeriods) {

    /**
     * The form in which a line is stored: name trimmed, blank SKU absent, a discount only when it
     * takes something off, "inclusive" only with a tax, a term only on a recurring line.
     */
    public LineItemDraft normalized() {
        boolean discounted = discountKind != null && discountValue != null && discountValue.signum() > 0;
        return new LineItemDraft(productId, name.strip(), Text.blankToNull(sku), quantity, unitPrice,
                discounted ? discountKind : null, discounted ? discountValue : null, taxPercentage,
                taxPercentage != null && taxInclusive, frequency, frequency == null ? null : termPeriods);
    }

    public LineItemDraft withQuantity(BigDecimal newQuantity) {
        return new LineItemDraft(productId, name, sku, newQuantity, unitPrice, discountKind, discountValue,
                taxPercentage, taxInclusive, frequency, termPeriods);
    }
}
