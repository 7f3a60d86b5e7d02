package com.commercehub.product.ui;

import com.commercehub.product.BillingFrequency;
import com.vaadin.flow.component.Component;

/** "One-time", "Monthly", "Every 2 weeks", with "· 12 payments" when a term is set. */
public final class BillingLabels {

    private BillingLabels() {
    }

    public static String of(Component translator, BillingFrequency frequency, Integer termPeriods) {
        return BillingFrequency.label(translator::getTranslation, frequency, termPeriods);
    }
}
