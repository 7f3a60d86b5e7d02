package com.commercehub.product.ui;

import com.commercehub.product.BillingFrequency;

/** The billing options a user picks from; CUSTOM reveals "every N weeks/months/years". */
enum BillingChoice {
    ONE_TIME(null), WEEKLY(BillingFrequency.WEEKLY), MONTHLY(BillingFrequency.MONTHLY),
    QUARTERLY(BillingFrequency.QUARTERLY), SEMIANNUALLY(BillingFrequency.SEMIANNUALLY),
    YEARLY(BillingFrequency.YEARLY), CUSTOM(null);

    private final BillingFrequency preset;

    BillingChoice(BillingFrequency preset) {
        this.preset = preset;
    }

    BillingFrequency preset() {
        return preset;
    }

    String labelKey() {
        return "billing.choice." + name().toLowerCase(java.util.Locale.ROOT);
    }

    static BillingChoice of(BillingFrequency frequency) {
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
