package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.IntervalUnit;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** One line item of a deal; owned by the {@link Deal} aggregate. */
@Table("deal_line")
class DealLine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

    static DealLine of(LineItemDraft entered) {
        LineItemDraft draft = entered.normalized();
        DealLine line = new DealLine();
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

    Long product() {
        return product;
    }

    Money net(Currency currency) {
        return net(quantity, unitPrice, discountKind, discountValue, currency);
    }

    /** quantity × unit price less the line discount (capped at the line), HALF_UP to the currency. */
    static Money net(BigDecimal quantity, BigDecimal unitPrice, String discountKind, BigDecimal discountValue,
                     Currency currency) {
        BigDecimal gross = quantity.multiply(unitPrice);
        BigDecimal discount = BigDecimal.ZERO;
        if (discountKind != null) {
            discount = DiscountKind.valueOf(discountKind) == DiscountKind.PERCENT
                    ? gross.multiply(discountValue).divide(HUNDRED) : discountValue;
        }
        BigDecimal net = gross.subtract(discount.min(gross)).setScale(Money.decimalsOf(currency), RoundingMode.HALF_UP);
        return new Money(net, currency);
    }

    LineItemDetails details(int index, Currency currency) {
        BillingFrequency frequency = billingInterval == null ? null
                : new BillingFrequency(IntervalUnit.valueOf(billingInterval), billingIntervalCount);
        return new LineItemDetails(index, product, name, sku, quantity, new Money(unitPrice, currency),
                discountKind == null ? null : DiscountKind.valueOf(discountKind), discountValue, taxPercentage,
                taxInclusive, frequency, termPeriods, net(currency));
    }
}
