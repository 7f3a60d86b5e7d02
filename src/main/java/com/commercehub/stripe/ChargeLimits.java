package com.commercehub.stripe;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's minimum and maximum charge amounts. Minimums are per settlement currency in major units
 * (Stripe's published table); the maximum is eight digits in minor units. Currencies without a
 * published minimum are not guessed at: Stripe's own error is surfaced instead.
 */
public final class ChargeLimits {

    static final long MAX_MINOR_UNITS = 99_999_999L;

    private static final Map<String, BigDecimal> MINIMUMS = Map.ofEntries(
            Map.entry("USD", new BigDecimal("0.50")), Map.entry("AED", new BigDecimal("2.00")),
            Map.entry("AUD", new BigDecimal("0.50")), Map.entry("BRL", new BigDecimal("0.50")),
            Map.entry("CAD", new BigDecimal("0.50")), Map.entry("CHF", new BigDecimal("0.50")),
            Map.entry("CZK", new BigDecimal("15.00")), Map.entry("DKK", new BigDecimal("2.50")),
            Map.entry("EUR", new BigDecimal("0.50")), Map.entry("GBP", new BigDecimal("0.30")),
            Map.entry("HKD", new BigDecimal("4.00")), Map.entry("HUF", new BigDecimal("175.00")),
            Map.entry("INR", new BigDecimal("0.50")), Map.entry("JPY", new BigDecimal("50")),
            Map.entry("MXN", new BigDecimal("10")), Map.entry("MYR", new BigDecimal("2.00")),
            Map.entry("NOK", new BigDecimal("3.00")), Map.entry("NZD", new BigDecimal("0.50")),
            Map.entry("PLN", new BigDecimal("2.00")), Map.entry("RON", new BigDecimal("2.00")),
            Map.entry("SEK", new BigDecimal("3.00")), Map.entry("SGD", new BigDecimal("0.50")),
            Map.entry("THB", new BigDecimal("10")));

    private ChargeLimits() {
    }

    public sealed interface Violation {
        record BelowMinimum(Money minimum) implements Violation {
        }

        record AboveMaximum(Money maximum) implements Violation {
        }
    }

    public static Optional<Money> minimumFor(java.util.Currency currency) {
        return Optional.ofNullable(MINIMUMS.get(currency.getCurrencyCode()))
                .map(amount -> new Money(amount, currency));
    }

    /** The largest amount Stripe can charge: eight minor-unit digits, at the chargeable precision. */
    public static Money maximumFor(java.util.Currency currency) {
        BigDecimal major = BigDecimal.valueOf(MAX_MINOR_UNITS).movePointLeft(StripeAmounts.minorUnitExponent(currency));
        return new Money(major.setScale(StripeAmounts.chargeableDecimals(currency), java.math.RoundingMode.DOWN),
                currency);
    }

    /**
     * Checks an amount to be charged. Zero is allowed (subscriptions with a full discount); any
     * non-zero amount must reach the minimum and stay within eight minor-unit digits.
     */
    public static Optional<Violation> check(Money amount) {
        if (amount.isZero()) {
            return Optional.empty();
        }
        Optional<Money> minimum = minimumFor(amount.currency());
        if (minimum.isPresent() && amount.compareTo(minimum.get()) < 0) {
            return Optional.of(new Violation.BelowMinimum(minimum.get()));
        }
        if (StripeAmounts.toMinorUnits(amount) > MAX_MINOR_UNITS) {
            return Optional.of(new Violation.AboveMaximum(maximumFor(amount.currency())));
        }
        return Optional.empty();
    }
}
