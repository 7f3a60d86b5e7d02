package com.commercehub.crm;

import com.commercehub.product.BillingFrequency;
import com.commercehub.product.IntervalUnit;

import java.math.BigDecimal;

/**
 * The stored columns of a line item, embedded in deal lines and quote lines alike (same column names
 * in {@code deal_line} and {@code quote_line}). Made from a draft in its normalized form and read back
 * as one.
 */
public final class LineItem {

    private Long product;
    private String name;
    private String sku;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private String discountKind;
    private BigDecimal discountValue;
    private BigDecimal taxPercentage;
    private boolean taxInclusive;
    private String billingInterval;
    private Integer billingIntervalCount;
    private Integer termPeriods;

    public static LineItem of(LineItemDraft entered) {
        LineItemDraft draft = entered.normalized();
        LineItem line = new LineItem();
        line.product = draft.productId();
        line.name = draft.name();
        line.sku = draft.sku();
        line.quantity = draft.quantity();
        line.unitPrice = draft.unitPrice();
        line.discountKind = draft.discountKind() == null ? null : draft.discountKind().name();
        line.discountValue = draft.discountValue();
        line.taxPercentage = draft.taxPercentage();
        line.taxInclusive = draft.taxInclusive();
        line.billingInterval = draft.frequency() == null ? null : draft.frequency().unit().name();
        line.billingIntervalCount = draft.frequency() == null ? null : draft.frequency().count();
        line.termPeriods = draft.termPeriods();
        return line;
    }

    public LineItemDraft draft() {
        BillingFrequency frequency = billingInterval == null ? null
                : new BillingFrequency(IntervalUnit.valueOf(billingInterval), billingIntervalCount);
        return new LineItemDraft(product, name, sku, quantity, unitPrice,
                discountKind == null ? null : DiscountKind.valueOf(discountKind), discountValue, taxPercentage,
                taxInclusive, frequency, termPeriods);
    }
}
