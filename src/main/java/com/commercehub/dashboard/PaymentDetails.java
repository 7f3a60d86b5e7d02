package com.commercehub.dashboard;

import com.commercehub.base.money.Money;

import java.time.Instant;
import java.util.List;

/** The payment drawer: the row, Stripe's ids, its refunds and the Stripe events stored about it. */
public record PaymentDetails(PaymentRow row, String accountId, String checkoutSessionId, String paymentIntentId,
                             String invoiceId, String chargeId, String balanceTransactionId, String disputeId,
                             String subscriptionId, String failureReason, List<Refund> refunds, List<Event> events) {

    public record Refund(String refundId, Money amount, String status, Instant createdAt) {
    }

    public record Event(String id, String type, Instant receivedAt, Instant processedAt) {
    }
}
