package com.commercehub.payment;

import java.math.BigDecimal;

/**
 * What {@link PaymentRecords} changed, published inside the recording transaction, for features that react to
 * money moving (automation) without knowing who recorded it. Listeners must only write rows, never call out:
 * they run in the event worker's transaction. Repeated events about the same change are possible.
 */
public sealed interface PaymentChanged {

    /** A payment's status moved ({@code before} is null for a new payment). */
    record Recorded(long paymentId, PaymentStatus before, PaymentStatus after) implements PaymentChanged {
    }

    /** The payment's charge has refunds totalling {@code refunded}, in the payment's currency. */
    record Refunded(long paymentId, BigDecimal refunded) implements PaymentChanged {
    }

    /** A subscription record was created or refreshed; {@code status} is Stripe's (active, past_due, canceled…). */
    record SubscriptionRecorded(long subscriptionId, String status) implements PaymentChanged {
    }
}
