package com.commercehub.dashboard;

/** A refund that was not sent: why, and Stripe's message when Stripe refused it. */
public class RefundRejectedException extends RuntimeException {

    public enum Reason {
        AMOUNT, REASON, NOT_REFUNDABLE, NOT_CONNECTED, STRIPE,
        /** Stripe could not be reached, timed out, failed (5xx) or rate-limited us even after retries: nothing was refunded yet. */
        PROVIDER_UNAVAILABLE;

        public String messageKey() {
            return "dashboard.refund.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public RefundRejectedException(Reason reason) {
        this(reason, reason.name());
    }

    public RefundRejectedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
