package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentStatus;

import java.time.Instant;

/**
 * One line of the payments page. Gross, fee and net are Stripe's (settlement currency; null until
 * reported); {@code amount} and {@code refunded} are in the currency charged. {@code invoice}/{@code invoiceNumber}
 * are our invoice the payment settles; {@code quoteNumber} the number the rep knows the quote by; {@code receiptNumber} the receipt of a payment that settles none.
 */
public record PaymentRow(long id, Instant bookedAt, String buyer, PaymentSources source, Long quoteId, String quoteNumber,
                         Long dealId,
                         String method, PaymentStatus status, Money amount, Money gross, Money fee, Money net,
                         Money refunded, SyncState sync, String syncReason, Instant comparedAt, String owner,
                         Long invoice, String invoiceNumber, String receiptNumber) {

    /** What may still be refunded, in the currency charged. */
    public Money refundable() {
        return status.received() ? amount.minus(refunded) : Money.zero(amount.currency());
    }
}
