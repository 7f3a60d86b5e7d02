package com.commercehub.link;

/**
 * The code the buyer typed on a link's page cannot be used there: unknown, limited to other links, or refused
 * by Stripe (expired, used up); {@link #messageKey()} says which, as Stripe's own code field would.
 */
public class PromotionCodeRefusedException extends RuntimeException {

    private final boolean known;

    PromotionCodeRefusedException(boolean known) {
        super(known ? "promotion code refused by Stripe" : "promotion code invalid for this link");
        this.known = known;
    }

    public String messageKey() {
        return known ? "link.code.refused" : "link.code.invalid";
    }
}
