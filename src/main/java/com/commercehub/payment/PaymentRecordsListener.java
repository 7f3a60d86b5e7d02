package com.commercehub.payment;

/**
 * Told by {@link PaymentRecords}, inside the transaction that wrote it, that a payment (with its refunds
 * and disputes) or a subscription changed: for features that keep figures derived from these records
 * current in that same transaction (the dashboard's rollups), without this feature knowing them.
 */
public interface PaymentRecordsListener {

    void paymentChanged(long paymentId);

    void subscriptionChanged(long subscriptionId);
}
