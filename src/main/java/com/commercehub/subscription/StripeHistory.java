package com.commercehub.subscription;

import com.commercehub.base.money.Money;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * What Stripe did to a subscription by itself goes into its history beside the people's actions: a period's
 * invoice paid or failed (a failed renewal makes it past due), the subscription ended. The event store hands each
 * event over once; the objects are read afresh from Stripe.
 */
@Component
class StripeHistory implements StripeEventHandler {

    private static final Set<String> TYPES = Set.of("invoice.paid", "invoice.payment_failed", "customer.subscription.deleted");

    private final PaymentAccounts accounts;
    private final SubscriptionQueries queries;
    private final SubscriptionOperations operations;

    StripeHistory(PaymentAccounts accounts, SubscriptionQueries queries, SubscriptionOperations operations) {
        this.accounts = accounts;
        this.queries = queries;
        this.operations = operations;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        PaymentAccount account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        Actor stripe = new Actor("STRIPE", null);
        if ("customer.subscription.deleted".equals(event.type())) {
            queries.idOf(account.accountId(), event.dataObjectId())
                    .ifPresent(id -> operations.record(id, stripe, "ended", null));
            return;
        }
        Invoice invoice = account.client().v1().invoices().retrieve(event.dataObjectId());
        if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
            return;
        }
        String subscription = invoice.getParent().getSubscriptionDetails().getSubscription();
        Money amount = StripeAmounts.fromMinorUnits(invoice.getAmountDue(), invoice.getCurrency());
        String kind = "invoice.paid".equals(event.type()) ? "invoice-paid" : "invoice-failed";
        queries.idOf(account.accountId(), subscription).ifPresent(id -> operations.record(id, stripe, kind,
                invoice.getNumber() + ": " + amount.amount().toPlainString() + " " + amount.currency().getCurrencyCode()));
    }
}
