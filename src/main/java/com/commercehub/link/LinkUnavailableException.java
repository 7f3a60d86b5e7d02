package com.commercehub.link;

import java.util.Locale;

/** The buyer cannot pay through the link now; {@link #reason()} says why (shown on the link's page). */
public class LinkUnavailableException extends RuntimeException {

    public enum Reason {
        /** Switched off by staff. */
        INACTIVE,
        /** Past its expiry date. */
        EXPIRED,
        /** A one-time link that has been paid. */
        COMPLETED,
        /** A one-time link another buyer is paying right now. */
        IN_USE,
        /** No ready Stripe account, or Stripe refused. */
        PAYMENTS_UNAVAILABLE,
        /** Stripe could not be reached or failed even after retries; nothing was started, the buyer may try again. */
        PROVIDER_UNAVAILABLE;

        public String messageKey() {
            return "link.unavailable." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    LinkUnavailableException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
