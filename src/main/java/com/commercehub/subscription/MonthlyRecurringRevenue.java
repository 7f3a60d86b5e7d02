package com.commercehub.subscription;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One period's amount normalised to a month: a year is twelve months, a week 52/12 of a month, a day
 * 365/12 of one; rounded half up to the currency's decimals once, at the end.
 */
public final class MonthlyRecurringRevenue {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private MonthlyRecurringRevenue() {
    }

    public static Money of(Money perPeriod, String interval, int intervalCount) {
        BigDecimal count = BigDecimal.valueOf(Math.max(1, intervalCount));
        BigDecimal amount = perPeriod.amount();
        BigDecimal monthly = switch (interval) {
            case "year" -> amount.divide(TWELVE.multiply(count), 10, RoundingMode.HALF_UP);
            case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(TWELVE.multiply(count), 10, RoundingMode.HALF_UP);
            case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(TWELVE.multiply(count), 10, RoundingMode.HALF_UP);
            default -> amount.divide(count, 10, RoundingMode.HALF_UP);
        };
        return new Money(monthly.setScale(Money.decimalsOf(perPeriod.currency()), RoundingMode.HALF_UP), perPeriod.currency());
    }
}
