package com.commercehub.quote;

import java.math.BigDecimal;

/**
 * A discount or a fee: a percentage of what it applies to, or a fixed amount in the quote's currency.
 */
public record Adjustment(Kind kind, BigDecimal value) {

    public enum Kind { PERCENT, AMOUNT }

    public Adjustment {
        if (kind == null || value == null || value.signum() < 0) {
            throw new IllegalArgumentException("An adjustment needs a kind and a value of at least zero");
        }
        if (kind == Kind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A percentage is at most 100");
        }
    }

    public static Adjustment percent(String value) {
        return new Adjustment(Kind.PERCENT, new BigDecimal(value));
    }

    public static Adjustment amount(String value) {
        return new Adjustment(Kind.AMOUNT, new BigDecimal(value));
    }
}
