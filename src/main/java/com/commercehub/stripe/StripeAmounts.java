package com.commercehub.stripe;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where {@link Money} becomes Stripe's integer minor units and back.
 * <p>
 * Stripe's rules differ from ISO 4217 in places: ISK and UGX are zero-decimal yet sent ×100 and
 * divisible by 100; three-decimal currencies are sent ×1000 with the last digit 0. Amounts are
 * rounded HALF_UP to what Stripe can charge; {@link #isExactlyRepresentable(Money)} tells callers
 * beforehand whether that rounding would change the amount.
 */
public final class StripeAmounts {

    static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
            "XAF", "XOF", "XPF");
    /** Zero-decimal for people, but Stripe wants them ×100 and divisible by 100. */
    static final Set<String> ZERO_DECIMAL_SENT_AS_TWO = Set.of("ISK", "UGX");
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    private StripeAmounts() {
    }

    /** How many decimals of the major unit Stripe can actually charge in this currency. */
    public static int chargeableDecimals(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL_SENT_AS_TWO.contains(code) || ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        // Three-decimal currencies must end in 0 in minor units: two usable decimals.
        return 2;
    }

    /** Power of ten between the major unit and the integer Stripe expects. */
    static int minorUnitExponent(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL_SENT_AS_TWO.contains(code)) {
            return 2;
        }
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /** Converts to Stripe's integer, rounding HALF_UP to the chargeable precision first. */
    public static long toMinorUnits(Money money) {
        BigDecimal chargeable = money.amount().setScale(chargeableDecimals(money.currency()), RoundingMode.HALF_UP);
        return chargeable.movePointRight(minorUnitExponent(money.currency())).longValueExact();
    }

    /** Converts a Stripe integer amount back to money in the currency's ordinary scale. */
    public static Money fromMinorUnits(long minorUnits, Currency currency) {
        BigDecimal major = BigDecimal.valueOf(minorUnits).movePointLeft(minorUnitExponent(currency));
        int scale = Math.max(Money.decimalsOf(currency), major.stripTrailingZeros().scale());
        return new Money(major.setScale(scale, RoundingMode.UNNECESSARY), currency);
    }

    public static Money fromMinorUnits(long minorUnits, String currencyCode) {
        return fromMinorUnits(minorUnits, Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT)));
    }

    /** True when converting to minor units would not round the amount. */
    public static boolean isExactlyRepresentable(Money money) {
        return money.amount().stripTrailingZeros().scale() <= chargeableDecimals(money.currency());
    }

    /** Stripe's lower-case currency code ("eur"). */
    public static String currencyParam(Currency currency) {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }
}
