package com.commercehub.quote;

/**
 * A quote-level discount or fee as entered and shown: a label ("Loyalty discount", "Set-up fee")
 * and a percentage or an amount. Discounts come off the subtotal; fees are added once, untaxed.
 * A discount applies to {@link AppliesTo#EVERY_PAYMENT every payment} of recurring lines or to the
 * {@link AppliesTo#FIRST_PAYMENT first payment only}; versions published before the choice existed
 * read as every payment.
 */
public record AdjustmentDraft(Type type, String label, Adjustment adjustment, AppliesTo appliesTo) {

    public enum Type { DISCOUNT, FEE }

    /** How long a quote discount lasts on recurring lines (Stripe's coupon duration forever / once). */
    public enum AppliesTo { EVERY_PAYMENT, FIRST_PAYMENT }

    public AdjustmentDraft {
        appliesTo = appliesTo == null ? AppliesTo.EVERY_PAYMENT : appliesTo;
    }

    public AdjustmentDraft(Type type, String label, Adjustment adjustment) {
        this(type, label, adjustment, AppliesTo.EVERY_PAYMENT);
    }

    /** A discount that is taken off the first payment only. */
    public boolean firstPaymentOnly() {
        return type == Type.DISCOUNT && appliesTo == AppliesTo.FIRST_PAYMENT;
    }
}
