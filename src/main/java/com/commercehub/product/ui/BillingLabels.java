package com.commercehub.product.ui;

import com.commercehub.product.BillingFrequency;
import com.vaadin.flow.component.Component;

/** "One-time", "Monthly", "Every 2 weeks", with "· 12 payments" when a term is set. */
public final class BillingLabels {

    private BillingLabels() {
    }

    public static String of(Component translator, BillingFrequency frequency, Integer termPeriods) {
        if (frequency == null) {
            return translator.getTranslation("billing.one-time");
        }
        String label = frequency.presetKey().map(translator::getTranslation)
                .orElseGet(() -> translator.getTranslation(frequency.customKey(), frequency.count()));
        return termPeriods == null ? label : translator.getTranslation("billing.with-term", label, termPeriods);
    }
}
