package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.IntervalUnit;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.util.Currency;

/** One line item of a quote; owned by the {@link Quote}. Copied from the deal, then edited on the quote. */
@Table("quote_line")
class QuoteLine {

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

    static QuoteLine of(LineItemDraft entered) {
        LineItemDraft draft = entered.normalized();
        QuoteLine line = new QuoteLine();
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

    LineItemDraft draft() {
        BillingFrequency frequency = billingInterval == null ? null
                : new BillingFrequency(IntervalUnit.valueOf(billingInterval), billingIntervalCount);
        return new LineItemDraft(product, name, sku, quantity, unitPrice,
                discountKind == null ? null : DiscountKind.valueOf(discountKind), discountValue, taxPercentage,
                taxInclusive, frequency, termPeriods);
    }

    /** The calculator's view of a line item. */
    static QuoteLineInput input(LineItemDraft line, Currency currency) {
        Adjustment discount = line.discountKind() == null ? null : new Adjustment(
                line.discountKind() == DiscountKind.PERCENT ? Adjustment.Kind.PERCENT : Adjustment.Kind.AMOUNT,
                line.discountValue());
        LineTax tax = line.taxPercentage() == null ? null : new LineTax(line.taxPercentage(), line.taxInclusive());
        return new QuoteLineInput(line.quantity(), new Money(line.unitPrice(), currency), discount, tax,
                line.frequency());
    }

    static LineItemDetails details(int index, LineItemDraft line, Currency currency, QuoteLineResult result) {
        return new LineItemDetails(index, line.productId(), line.name(), line.sku(), line.quantity(),
                new Money(line.unitPrice(), currency), line.discountKind(), line.discountValue(), line.taxPercentage(),
                line.taxInclusive(), line.frequency(), line.termPeriods(), result.net());
    }
}
