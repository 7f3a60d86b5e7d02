package com.commercehub.link;

import java.time.Instant;
import java.util.Locale;

/** Where a link stands for buyers. */
public enum PaymentLinkStatus {
    ACTIVE, INACTIVE, EXPIRED, COMPLETED;

    static PaymentLinkStatus of(boolean active, Instant expiresAt, Instant completedAt, Instant now) {
        if (completedAt != null) {
            return COMPLETED;
        }
        if (!active) {
            return INACTIVE;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : ACTIVE;
    }

    public String messageKey() {
        return "link.status." + name().toLowerCase(Locale.ROOT);
    }
}
