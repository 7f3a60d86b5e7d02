package com.commercehub.checkout;

import java.util.Locale;

/**
 * The quote may be paid, but no checkout can be offered now; {@link #reason()} says why. No open
 * Checkout Session was left behind.
 */
public class CheckoutUnavailableException extends RuntimeException {

    public enum Reason {
        /** No Stripe account (or sandbox) is connected and ready to take payments. */
        PAYMENTS_UNAVAILABLE,
        /** Stripe would charge another amount than the quote says (or cannot represent one of its amounts). */
        AMOUNT_MISMATCH,
        /** The buyer has just paid this version; the payment is being confirmed. */
        PAYMENT_IN_PROGRESS,
        /** Stripe could not be reached or refused the request; trying again later may work. */
        PROCESSOR_ERROR,
        /** Stripe refused the promotion code sent with the session (expired, used up, below its minimum). */
        PROMOTION_CODE_REFUSED;

        /** Translation key of the message for the buyer ("checkout.unavailable.amount-mismatch"). */
        public String messageKey() {
            return "checkout.unavailable." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    CheckoutUnavailableException(Reason reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.reason = reason;
    }

    CheckoutUnavailableException(Reason reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
