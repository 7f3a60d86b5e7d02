package com.commercehub.quote;

/**
 * A quote-level discount or fee as entered and shown: a label ("Loyalty discount", "Set-up fee")
 * and a percentage or an amount. Discounts come off the subtotal; fees are added once, untaxed.
 */
public record AdjustmentDraft(Type type, String label, Adjustment adjustment) {

    public enum Type { DISCOUNT, FEE }
}
