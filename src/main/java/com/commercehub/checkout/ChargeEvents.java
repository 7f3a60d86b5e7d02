package com.commercehub.checkout;

import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.StripeException;
import org.springframework.stereotype.Component;

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

    private final ChargeAftermath aftermath;
    private final PaymentAccounts accounts;

    ChargeEvents(ChargeAftermath aftermath, PaymentAccounts accounts) {
        this.aftermath = aftermath;
        this.accounts = accounts;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        PaymentAccount account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        if (event.type().startsWith("charge.dispute.")) {
            aftermath.dispute(account.accountId(), account.client().v1().disputes().retrieve(event.dataObjectId()));
            return;
        }
        String chargeId = "charge.refunded".equals(event.type()) ? event.dataObjectId()
                : account.client().v1().refunds().retrieve(event.dataObjectId()).getCharge();
        aftermath.refunds(account.accountId(), account.client(), chargeId);
    }
}
