package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;

/**
 * One line as the calculator needs it. {@code frequency} null means one-time; {@code discount} and
 * {@code tax} may be null.
 */
public record QuoteLineInput(BigDecimal quantity, Money unitPrice, Adjustment discount, LineTax tax,
                             BillingFrequency frequency) {

    public boolean recurring() {
        return frequency != null;
    }
}
