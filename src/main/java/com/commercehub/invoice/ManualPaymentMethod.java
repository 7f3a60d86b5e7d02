package com.commercehub.invoice;

import java.util.Locale;

/** How money that did not go through Stripe reached the seller. */
public enum ManualPaymentMethod {
    BANK_TRANSFER, CASH, CHEQUE;

    public String messageKey() {
        return "invoice.method." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
