package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment as staff see it: amount charged, Stripe's gross, fee and net (null until Stripe reported
 * them), what was refunded, and the Stripe ids to look it up there.
 */
public record PaymentEntry(long id, Long quoteId, Integer quoteVersion, Long dealId, PaymentStatus status,
                           Money amount, Money gross, Money fee, Money net, BigDecimal exchangeRate, Money refunded,
                           String method, String paymentIntentId, String invoiceId, String chargeId,
                           String receiptUrl, String failureReason, Instant paidAt, String accountId,
                           boolean subscriptionPeriod) {

    /** The net after refunds, when both are in the same currency (Stripe keeps its fee on a refund). */
    public Money netAfterRefunds() {
        if (net == null) {
            return null;
        }
        return net.currency().equals(refunded.currency()) ? net.minus(refunded) : net;
    }
}
