package com.commercehub.stripe;

/** Connecting or using the Stripe account failed for a reason the admin can act on. */
public class StripeConnectionException extends RuntimeException {

    public enum Reason {
        TERMS_NOT_ACCEPTED, KEY_MALFORMED, KEY_INVALID, KEY_LACKS_PERMISSION, COUNTRY_MISMATCH, UNREACHABLE,
        WEBHOOK_SECRET_MALFORMED, NOT_CONNECTED, SECRETS_UNREADABLE, ENVIRONMENT_KEY, STRIPE_CONNECTED;

        public String messageKey() {
            return "payments.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final transient Object[] details;

    public StripeConnectionException(Reason reason, Object... details) {
        super(reason.name());
        this.reason = reason;
        this.details = details;
    }

    public Reason reason() {
        return reason;
    }

    public Object[] details() {
        return details.clone();
    }
}
