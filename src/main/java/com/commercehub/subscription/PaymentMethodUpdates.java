package com.commercehub.subscription;

import com.commercehub.checkout.SubscriptionSync;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.SetupIntent;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A buyer saved a card in a setup-mode Checkout Session made for one of our subscriptions: Stripe does not make
 * it anyone's default by itself, so it becomes the subscription's payment method here, and a past-due
 * subscription's open invoice is paid with it at once (the invoice's own events then make it active again,
 * through checkout's fulfilment). Sessions of other origins are left alone.
 */
@Component
class PaymentMethodUpdates implements StripeEventHandler {

    static final String METADATA_SUBSCRIPTION = "hub_subscription";

    private final PaymentAccounts accounts;
    private final SubscriptionQueries queries;
    private final SubscriptionSync sync;
    private final SubscriptionOperations operations;

    PaymentMethodUpdates(PaymentAccounts accounts, SubscriptionQueries queries, SubscriptionSync sync,
                         SubscriptionOperations operations) {
        this.accounts = accounts;
        this.queries = queries;
        this.sync = sync;
        this.operations = operations;
    }

    @Override
    public boolean handles(String type) {
        return "checkout.session.completed".equals(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        PaymentAccount account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        Session session = account.client().v1().checkout().sessions().retrieve(event.dataObjectId());
        String subscriptionId = session.getMetadata() == null ? null : session.getMetadata().get(METADATA_SUBSCRIPTION);
        if (!"setup".equals(session.getMode()) || !"complete".equals(session.getStatus()) || subscriptionId == null
                || session.getSetupIntent() == null) {
            return;
        }
        Optional<Long> ours = queries.idOf(account.accountId(), subscriptionId);
        if (ours.isEmpty()) {
            return;
        }
        SetupIntent intent = account.client().v1().setupIntents().retrieve(session.getSetupIntent());
        Subscription subscription = account.client().v1().subscriptions().update(subscriptionId,
                SubscriptionUpdateParams.builder().setDefaultPaymentMethod(intent.getPaymentMethod()).build(),
                IdempotencyKeys.forWrite("subscription", ours.get(), "setup", session.getId(), "default"));
        String buyer = session.getCustomerDetails() == null ? null : session.getCustomerDetails().getEmail();
        operations.record(ours.get(), Actor.buyer(buyer), "payment-method-updated", null);
        String outcome = retryOpenInvoice(account, subscription, intent.getPaymentMethod(), session.getId());
        if (outcome != null) {
            operations.record(ours.get(), new Actor("STRIPE", null), outcome, null);
        }
        sync.refresh(account, subscriptionId);
    }

    /** Pays a past-due subscription's open invoice with the new card; what happened, or null when nothing was due. */
    private String retryOpenInvoice(PaymentAccount account, Subscription subscription, String paymentMethod,
                                              String sessionId) throws StripeException {
        if (!"past_due".equals(subscription.getStatus()) || subscription.getLatestInvoice() == null) {
            return null;
        }
        Invoice invoice = account.client().v1().invoices().retrieve(subscription.getLatestInvoice());
        if (!"open".equals(invoice.getStatus())) {
            return null;
        }
        try {
            account.client().v1().invoices().pay(invoice.getId(), InvoicePayParams.builder()
                    .setPaymentMethod(paymentMethod).build(), IdempotencyKeys.forWrite("invoice", invoice.getId(), "setup", sessionId));
            return "retry-paid";
        } catch (CardException declined) {
            return "retry-declined";
        }
    }
}
