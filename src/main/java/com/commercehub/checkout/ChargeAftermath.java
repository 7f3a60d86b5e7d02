package com.commercehub.checkout;

import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Refund;
import com.stripe.param.DisputeListParams;
import com.stripe.param.RefundListParams;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a charge after it succeeded — refunds and disputes — read from Stripe and written to
 * its payment. Called by their own events, and by fulfilment too: a dispute or refund event can arrive
 * before the payment it concerns was recorded, and must not be lost then.
 */
@Component
class ChargeAftermath {

    private final PaymentRecords records;
    private final PaidQuotes quotes;
    private final PaymentNotifications notifications;

    ChargeAftermath(PaymentRecords records, PaidQuotes quotes, PaymentNotifications notifications) {
        this.records = records;
        this.quotes = quotes;
        this.notifications = notifications;
    }

    /** After recording a charge's payment: anything refunded or disputed already is applied too. */
    void afterRecording(String accountId, StripeClient client, Charge charge) throws StripeException {
        if (charge == null) {
            return;
        }
        if (charge.getAmountRefunded() != null && charge.getAmountRefunded() > 0) {
            refunds(accountId, client, charge.getId());
        }
        if (Boolean.TRUE.equals(charge.getDisputed())) {
            for (Dispute dispute : client.v1().disputes().list(DisputeListParams.builder()
                    .setPaymentIntent(charge.getPaymentIntent()).build()).getData()) {
                dispute(accountId, dispute);
            }
        }
    }

    void refunds(String accountId, StripeClient client, String chargeId) throws StripeException {
        List<RefundFacts> refunds = new ArrayList<>();
        for (Refund refund : client.v1().refunds()
                .list(RefundListParams.builder().setCharge(chargeId).setLimit(100L).build()).autoPagingIterable()) {
            refunds.add(new RefundFacts(refund.getId(), StripeAmounts.fromMinorUnits(refund.getAmount(), refund.getCurrency()),
                    refund.getStatus(), refund.getCreated() == null ? null : Instant.ofEpochSecond(refund.getCreated())));
        }
        records.refunds(accountId, chargeId, refunds);
    }

    void dispute(String accountId, Dispute dispute) {
        PaymentStatus status = switch (dispute.getStatus()) {
            case "won" -> PaymentStatus.DISPUTE_WON;
            case "lost" -> PaymentStatus.DISPUTE_LOST;
            default -> PaymentStatus.DISPUTED;
        };
        records.dispute(accountId, dispute.getCharge(), dispute.getId(), status)
                .flatMap(records::quoteOf).flatMap(ref -> quotes.target(ref.quoteId(), ref.version()))
                .ifPresent(target -> notifications.dispute(target, dispute.getId(), status,
                        StripeAmounts.fromMinorUnits(dispute.getAmount(), dispute.getCurrency())));
    }
}
