package com.commercehub.product;

/**
 * The billing options a user picks from, the one vocabulary of the product dialog and the custom line dialog;
 * CUSTOM reveals "every N weeks/months/years".
 */
public enum BillingChoice {
    ONE_TIME(null), WEEKLY(BillingFrequency.WEEKLY), MONTHLY(BillingFrequency.MONTHLY),
    QUARTERLY(BillingFrequency.QUARTERLY), SEMIANNUALLY(BillingFrequency.SEMIANNUALLY),
    YEARLY(BillingFrequency.YEARLY), CUSTOM(null);

    private final BillingFrequency preset;

    BillingChoice(BillingFrequency preset) {
        this.preset = preset;
    }

    public BillingFrequency preset() {
        return preset;
    }

    public String labelKey() {
        return "billing.choice." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The frequency chosen: none for one-time, the preset, or "every {@code count} {@code unit}s". */
    public BillingFrequency frequency(IntervalUnit customUnit, Integer customCount) {
        return switch (this) {
            case ONE_TIME -> null;
            case CUSTOM -> new BillingFrequency(customUnit, customCount == null ? 0 : customCount);
            default -> preset;
        };
    }

    public static BillingChoice of(BillingFrequency frequency) {
        if (frequency == null) {
            return ONE_TIME;
        }
        for (BillingChoice choice : values()) {
            if (frequency.equals(choice.preset)) {
                return choice;
            }
        }
        return CUSTOM;
    }
}
