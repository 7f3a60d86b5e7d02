package com.commercehub.payment;

/**
 * Where a payment stands. Events arrive in any order, so a status only ever moves forward in this
 * order ({@link #rank}): a late "processing" never undoes "succeeded", a late "succeeded" never undoes a refund.
 */
public enum PaymentStatus {
    PROCESSING(0), FAILED(1), SUCCEEDED(2), PARTIALLY_REFUNDED(3), REFUNDED(4), DISPUTED(5), DISPUTE_WON(6),
    DISPUTE_LOST(6);

    private final int rank;

    PaymentStatus(int rank) {
        this.rank = rank;
    }

    /** The later of the two. */
    public PaymentStatus then(PaymentStatus next) {
        return next != null && next.rank > rank ? next : this;
    }

    /** Money was received (and may since have been refunded or disputed). */
    public boolean received() {
        return rank >= SUCCEEDED.rank;
    }

    public String messageKey() {
        return "payment.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
