package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.time.Instant;

/**
 * What Stripe says about one payment, as far as the event at hand tells: {@code sourceKey} is what makes
 * it one payment at Stripe (the payment intent of a one-off checkout, or the invoice of a subscription
 * period). Unknown parts are null and leave what was recorded before as it was. {@code paymentLinkId} is the
 * payment link it was sold through (null for quotes); {@code invoice} is our own invoice the payment settles
 * (not Stripe's {@code invoiceId}), when it does.
 */
public record PaymentFacts(String accountId, String sourceKey, Long quoteId, Integer quoteVersion, Long dealId,
                           Long contactId, Long companyId, String stripeSubscriptionId, String checkoutSessionId,
                           String paymentIntentId, String invoiceId, String chargeId, String method,
                           PaymentStatus status, Money amount, Settlement settlement, String receiptUrl,
                           String failureReason, Instant paidAt, Long paymentLinkId, Long invoice) {

    /** A payment sold through neither a payment link nor one of our invoices. */
    public PaymentFacts(String accountId, String sourceKey, Long quoteId, Integer quoteVersion, Long dealId,
                        Long contactId, Long companyId, String stripeSubscriptionId, String checkoutSessionId,
                        String paymentIntentId, String invoiceId, String chargeId, String method,
                        PaymentStatus status, Money amount, Settlement settlement, String receiptUrl,
                        String failureReason, Instant paidAt) {
        this(accountId, sourceKey, quoteId, quoteVersion, dealId, contactId, companyId, stripeSubscriptionId,
                checkoutSessionId, paymentIntentId, invoiceId, chargeId, method, status, amount, settlement, receiptUrl,
                failureReason, paidAt, null, null);
    }
}
