package com.commercehub.subscription;

/** What staff and buyers see of a subscription: Stripe's status, with paused collection and a scheduled end. */
public enum SubscriptionState {
    ACTIVE, TRIALING, PAST_DUE, PAUSED, SCHEDULED_TO_CANCEL, CANCELED, OTHER;

    /** Stripe keeps a paused or ending subscription "active"; the list tells them apart. */
    static SubscriptionState of(String stripeStatus, boolean paused, boolean cancelAtPeriodEnd) {
        return switch (stripeStatus) {
            case "canceled", "incomplete_expired" -> CANCELED;
            case "past_due", "unpaid" -> PAST_DUE;
            case "paused" -> PAUSED;
            case "trialing", "active" -> paused ? PAUSED : cancelAtPeriodEnd ? SCHEDULED_TO_CANCEL
                    : "trialing".equals(stripeStatus) ? TRIALING : ACTIVE;
            default -> OTHER;
        };
    }

    public boolean ended() {
        return this == CANCELED;
    }

    public String messageKey() {
        return "subscription.state." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
