package com.commercehub.checkout;

import com.commercehub.base.security.Role;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentResync;
import com.commercehub.payment.PaymentService;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.ReconcileContext;
import com.commercehub.stripe.ReconcileStep;
import com.commercehub.stripe.ReconcileStepResult;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Payments read again from Stripe through the same fulfilment as their events: one payment on request
 * (staff's re-sync), and, on every reconciler run, the payments whose fees Stripe had not reported yet.
 */
@Service
class StripePaymentSync implements PaymentResync, ReconcileStep {

    private final PaymentRecords records;
    private final PaymentService payments;
    private final PaymentAccounts accounts;
    private final CheckoutFulfilment checkout;
    private final SubscriptionFulfilment subscriptions;
    private final TransactionTemplate transactions;

    StripePaymentSync(PaymentRecords records, PaymentService payments, PaymentAccounts accounts,
                      CheckoutFulfilment checkout, SubscriptionFulfilment subscriptions,
                      TransactionTemplate transactions) {
        this.records = records;
        this.payments = payments;
        this.accounts = accounts;
        this.checkout = checkout;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
    }

    @Override
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public PaymentEntry resync(long paymentId) {
        PaymentRecords.Source source = transactions.execute(tx -> records.source(paymentId))
                .orElseThrow(() -> new com.commercehub.base.db.RecordNotFoundException("payment", paymentId));
        PaymentAccount account = accounts.connected().filter(a -> a.accountId().equals(source.accountId()))
                .orElseThrow(() -> new IllegalStateException("the payment's Stripe account is not connected"));
        try {
            sync(account.accountId(), account.client(), source);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe could not be read: " + e.getMessage(), e);
        }
        return payments.get(paymentId).orElseThrow();
    }

    @Override
    public String name() {
        return "fees";
    }

    @Override
    public ReconcileStepResult run(ReconcileContext context) throws StripeException {
        var waiting = transactions.execute(tx -> records.awaitingFees(context.accountId(), 200));
        int repaired = 0;
        for (PaymentRecords.Source source : waiting) {
            if (sync(context.accountId(), context.client(), source)) {
                repaired++;
            }
        }
        return new ReconcileStepResult(waiting.size(), repaired);
    }

    /** Reads the payment's origin from Stripe and records it; true when Stripe now reports its fee. */
    private boolean sync(String accountId, StripeClient client, PaymentRecords.Source source) throws StripeException {
        if (source.checkoutSessionId() != null && source.invoiceId() == null) {
            var session = CheckoutFulfilment.read(client, source.checkoutSessionId());
            var done = transactions.execute(tx -> {
                try {
                    return checkout.fulfil(accountId, client, session);
                } catch (StripeException e) {
                    throw new IllegalStateException(e);
                }
            });
            return done.isPresent() && hasFee(source.paymentId());
        }
        if (source.invoiceId() != null) {
            var invoice = client.v1().invoices().retrieve(source.invoiceId());
            var details = invoice.getParent() == null ? null : invoice.getParent().getSubscriptionDetails();
            Optional<PaidQuotes.Target> target = transactions.execute(tx -> details == null ? Optional.<PaidQuotes.Target>empty()
                    : subscriptions.targetOf(details.getMetadata()));
            if (target.isEmpty()) {
                return false;
            }
            transactions.executeWithoutResult(tx -> {
                try {
                    subscriptions.invoice(accountId, client, source.invoiceId(), target.get(), source.checkoutSessionId());
                } catch (StripeException e) {
                    throw new IllegalStateException(e);
                }
            });
            return hasFee(source.paymentId());
        }
        return false;
    }

    private boolean hasFee(long paymentId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> records.settled(paymentId)));
    }
}
