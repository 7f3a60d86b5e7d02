package com.commercehub.product;

import java.util.List;
import java.util.Optional;

/** How often a recurring product is billed: every {@code count} {@code unit}s. */
public record BillingFrequency(IntervalUnit unit, int count) {

    public static final BillingFrequency WEEKLY = new BillingFrequency(IntervalUnit.WEEK, 1);
    public static final BillingFrequency MONTHLY = new BillingFrequency(IntervalUnit.MONTH, 1);
    public static final BillingFrequency QUARTERLY = new BillingFrequency(IntervalUnit.MONTH, 3);
    public static final BillingFrequency SEMIANNUALLY = new BillingFrequency(IntervalUnit.MONTH, 6);
    public static final BillingFrequency YEARLY = new BillingFrequency(IntervalUnit.YEAR, 1);
    public static final List<BillingFrequency> PRESETS = List.of(WEEKLY, MONTHLY, QUARTERLY, SEMIANNUALLY, YEARLY);

    public boolean isValid() {
        return unit != null && count >= 1 && count <= unit.maxCount();
    }

    /** The preset's translation key ("billing.monthly"), or empty for a custom interval. */
    public Optional<String> presetKey() {
        if (equals(WEEKLY)) {
            return Optional.of("billing.weekly");
        }
        if (equals(MONTHLY)) {
            return Optional.of("billing.monthly");
        }
        if (equals(QUARTERLY)) {
            return Optional.of("billing.quarterly");
        }
        if (equals(SEMIANNUALLY)) {
            return Optional.of("billing.semiannually");
        }
        if (equals(YEARLY)) {
            return Optional.of("billing.yearly");
        }
        return Optional.empty();
    }

    /** Translation key for "every {0} weeks/months/years". */
    public String customKey() {
        return "billing.every-n." + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
