package com.commercehub.product;

import com.commercehub.base.i18n.Translator;
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

    /** "One-time" (no frequency), "Monthly", "Every 2 weeks", with "· 12 payments" when a term is set. */
    public static String label(Translator translator, BillingFrequency frequency, Integer termPeriods) {
        if (frequency == null) {
            return translator.get("billing.one-time");
        }
        String label = frequency.presetKey().map(key -> translator.get(key))
                .orElseGet(() -> translator.get(frequency.customKey(), frequency.count()));
        return termPeriods == null ? label : translator.get("billing.with-term", label, termPeriods);
    }

    /** Translation key for "every {0} weeks/months/years". */
    public String customKey() {
        return "billing.every-n." + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
