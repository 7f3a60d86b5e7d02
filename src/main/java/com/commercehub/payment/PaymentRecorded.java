package com.commercehub.payment;

/**
 * A payment was recorded or merged, published inside the recording transaction. {@code invoice} is our invoice
 * it settles (null for quote, payment-link and subscription payments); {@code newlyReceived} is true for the one
 * recording that first saw the money arrive.
 */
public record PaymentRecorded(long paymentId, Long invoice, PaymentStatus status, boolean newlyReceived) {
}
