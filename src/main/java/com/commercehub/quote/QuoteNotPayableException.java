package com.commercehub.quote;

import java.util.Locale;

/** The buyer's link cannot be paid now; {@link #reason()} says why. Nothing was charged or created. */
public class QuoteNotPayableException extends RuntimeException {

    public enum Reason {
        /** No version has this link. */
        UNKNOWN_LINK,
        /** The quote was taken back by its owner; the link no longer works. */
        RECALLED,
        /** A newer version was published; only its link can be paid. */
        REPLACED,
        /** The quote's date has passed. */
        EXPIRED,
        /** This quote was paid already. */
        ALREADY_PAID,
        /** The quote does not collect payment online. */
        PAYMENT_OFF,
        /** The quote must be signed before it can be paid. */
        SIGNATURE_REQUIRED;

        /** Translation key of the message for the buyer ("checkout.refused.signature-required"). */
        public String messageKey() {
            return "checkout.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    QuoteNotPayableException(Reason reason) {
        super("The quote cannot be paid: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
