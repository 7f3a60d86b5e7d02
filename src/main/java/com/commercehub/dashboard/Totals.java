package com.commercehub.dashboard;

import com.commercehub.base.money.Money;

import java.math.RoundingMode;
import java.util.Currency;

/**
 * A period's figures in one currency. Gross, refunds and disputes are in the currency charged; Stripe's
 * fee and net in the currency it settled in — so a charge settled in another currency shows its gross in
 * one row and its fee and net in another. Nothing here adds two currencies.
 */
public record Totals(Currency currency, long payments, Money gross, Money fee, Money net, long refunds,
                     Money refunded, long disputes, Money disputed) {

    /** Net revenue: what Stripe paid out for the period's charges less the period's refunds. */
    public Money netRevenue() {
        return net.minus(refunded);
    }

    /** The average payment (gross per payment), or null without payments. */
    public Money average() {
        if (payments == 0) {
            return null;
        }
        return new Money(gross.amount().divide(java.math.BigDecimal.valueOf(payments),
                Money.decimalsOf(currency), RoundingMode.HALF_UP), currency);
    }
}
