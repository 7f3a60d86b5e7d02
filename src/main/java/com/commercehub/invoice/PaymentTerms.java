package com.commercehub.invoice;

import java.time.LocalDate;
import java.util.Locale;

/** When an invoice falls due: on receipt, a number of days after the issue date, or on a date of its own. */
public enum PaymentTerms {
    DUE_ON_RECEIPT(0), NET_15(15), NET_30(30), NET_60(60), ON_DATE(-1);

    private final int days;

    PaymentTerms(int days) {
        this.days = days;
    }

    /** The due date for an invoice issued on {@code issued}; {@code chosen} is used only with {@link #ON_DATE}. */
    public LocalDate dueDate(LocalDate issued, LocalDate chosen) {
        return this == ON_DATE ? chosen : issued.plusDays(days);
    }

    public String messageKey() {
        return "invoice.terms." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
