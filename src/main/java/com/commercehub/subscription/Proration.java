package com.commercehub.subscription;

/** How a change of quantity or price is billed, in Stripe's terms ({@code proration_behavior}). */
public enum Proration {
    /** The difference for the rest of the period goes on the next invoice (Stripe's default). */
    PRORATE("create_prorations"),
    /** No charge or credit for the rest of the period; the next period costs the new amount. */
    NONE("none"),
    /** The difference is invoiced and charged now. */
    BILL_NOW("always_invoice");

    private final String stripeValue;

    Proration(String stripeValue) {
        this.stripeValue = stripeValue;
    }

    String stripeValue() {
        return stripeValue;
    }

    public String messageKey() {
        return "subscription.proration." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
