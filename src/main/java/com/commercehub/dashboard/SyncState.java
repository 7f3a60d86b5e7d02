package com.commercehub.dashboard;

import java.util.Locale;

/**
 * Whether a payment is in step with Stripe: SYNCED (what Stripe said last, fee included), PENDING (Stripe
 * has not reported the fee yet), DRIFTED (a comparison found Stripe saying something else), FAILED (Stripe
 * could not be read when re-syncing).
 */
public enum SyncState {
    SYNCED, PENDING, DRIFTED, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public String messageKey() {
        return "dashboard.sync." + code();
    }
}
