package com.commercehub.base.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Arithmetic never rounds implicitly: callers round with
 * {@link #rounded(RoundingMode)} at the points their calculation documents. Two amounts are equal
 * when they have the same currency and the same numeric value, whatever their scale (1.5 == 1.50).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Decimal places of the currency's ordinary unit (JPY 0, EUR 2, KWD 3). */
    public int currencyDecimals() {
        return decimalsOf(currency);
    }

    public static int decimalsOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        // Pseudo-currencies such as XXX report -1; they carry no minor unit.
        return Math.max(digits, 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** {@code percent} of this amount, exact (e.g. 12.5 % of 10.00 = 1.25000). */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Rounded to the currency's ordinary decimals with the given mode. */
    public Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(currencyDecimals(), mode), currency);
    }

    /** True when the amount has no more decimals than the currency allows. */
    public boolean hasCurrencyPrecision() {
        return amount.stripTrailingZeros().scale() <= currencyDecimals();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other
                && currency.equals(other.currency)
                && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** Plain, locale-independent form for logs and CSV: "12.50 EUR". */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
