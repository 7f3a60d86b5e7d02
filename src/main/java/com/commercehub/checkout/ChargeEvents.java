package com.commercehub.checkout;

import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refunds and disputes of charges we recorded: the charge's refunds are listed afresh (so events in any
 * order give the same total), and a dispute's current status is read from Stripe. The owner of the quote
 * is told of disputes. Charges we hold no payment for are ignored.
 */
@Component
class ChargeEvents implements StripeEventHandler {

    private static final Set<String> TYPES = Set.of("charge.refunded", "charge.refund.updated",
            "charge.dispute.created", "charge.dispute.closed");

    private final PaymentRecords records;
    private final PaymentAccounts accounts;
    private final PaidQuotes quotes;
    private final PaymentNotifications notifications;

    ChargeEvents(PaymentRecords records, PaymentAccounts accounts, PaidQuotes quotes, PaymentNotifications notifications) {
        this.records = records;
        this.accounts = accounts;
        this.quotes = quotes;
        this.notifications = notifications;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        PaymentAccount account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        if (event.type().startsWith("charge.dispute.")) {
            Dispute dispute = account.client().v1().disputes().retrieve(event.dataObjectId());
            PaymentStatus status = switch (dispute.getStatus()) {
                case "won" -> PaymentStatus.DISPUTE_WON;
                case "lost" -> PaymentStatus.DISPUTE_LOST;
                default -> PaymentStatus.DISPUTED;
            };
            Optional<Long> payment = records.dispute(account.accountId(), dispute.getCharge(), dispute.getId(), status);
            payment.flatMap(records::quoteOf).flatMap(ref -> quotes.target(ref.quoteId(), ref.version()))
                    .ifPresent(target -> notifications.dispute(target, dispute.getId(), status,
                            StripeAmounts.fromMinorUnits(dispute.getAmount(), dispute.getCurrency())));
            return;
        }
        String chargeId = "charge.refunded".equals(event.type()) ? event.dataObjectId()
                : account.client().v1().refunds().retrieve(event.dataObjectId()).getCharge();
        List<RefundFacts> refunds = new ArrayList<>();
        for (Refund refund : account.client().v1().refunds()
                .list(RefundListParams.builder().setCharge(chargeId).setLimit(100L).build()).autoPagingIterable()) {
            refunds.add(new RefundFacts(refund.getId(), StripeAmounts.fromMinorUnits(refund.getAmount(), refund.getCurrency()),
                    refund.getStatus(), refund.getCreated() == null ? null : Instant.ofEpochSecond(refund.getCreated())));
        }
        records.refunds(account.accountId(), chargeId, refunds);
    }
}
