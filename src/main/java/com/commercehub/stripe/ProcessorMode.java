package com.commercehub.stripe;

import java.util.Locale;

/**
 * Where buyers' payments go now, as Settings → Payments shows it. Never inferred from a fallback: without an
 * active connection (and with STRIPE_API_KEY naming a key that is not the connected one) it is {@code NOT_CONNECTED}.
 */
public enum ProcessorMode {
    SANDBOX, STRIPE_TEST, STRIPE_LIVE, NOT_CONNECTED;

    static ProcessorMode of(boolean sandbox, boolean livemode) {
        if (sandbox) {
            return SANDBOX;
        }
        return livemode ? STRIPE_LIVE : STRIPE_TEST;
    }

    public String messageKey() {
        return "payments.mode." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How the log names it. */
    String label() {
        return switch (this) {
            case SANDBOX -> "the built-in sandbox";
            case STRIPE_TEST -> "Stripe test mode";
            case STRIPE_LIVE -> "Stripe live mode";
            case NOT_CONNECTED -> "not connected";
        };
    }
}
