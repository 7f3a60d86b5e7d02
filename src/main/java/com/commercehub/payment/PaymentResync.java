package com.commercehub.payment;

/**
 * Reads one payment afresh from Stripe and records what Stripe says now (status, fees, refunds,
 * disputes) — for staff who see a payment that looks out of date. Implemented by the feature that knows
 * where the payment came from (checkout), so that payments and their views know nothing of it.
 */
public interface PaymentResync {

    /** The payment as recorded after reading it from Stripe. */
    PaymentEntry resync(long paymentId);
}
