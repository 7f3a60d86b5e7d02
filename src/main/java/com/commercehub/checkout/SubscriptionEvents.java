package com.commercehub.checkout;

import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions sold through quotes (and payment links), kept in step with Stripe: each paid invoice is that period's payment,
 * a failed one makes the subscription past due (the buyer gets a link to update the payment method, the
 * owner is told), and changes to the subscription refresh its record. Objects of other origins are ignored.
 */
@Component
class SubscriptionEvents implements StripeEventHandler {

    private static final Set<String> TYPES = Set.of("invoice.paid", "invoice.payment_failed",
            "customer.subscription.updated", "customer.subscription.deleted");

    private final SubscriptionFulfilment subscriptions;
    private final PaymentAccounts accounts;
    private final PaymentNotifications notifications;
    private final ObjectProvider<PaymentLinkSales> linkSales;
    private final SubscriptionSync sync;

    SubscriptionEvents(SubscriptionFulfilment subscriptions, PaymentAccounts accounts, PaymentNotifications notifications,
                       ObjectProvider<PaymentLinkSales> linkSales, SubscriptionSync sync) {
        this.subscriptions = subscriptions;
        this.sync = sync;
        this.linkSales = linkSales;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        PaymentAccount account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        if (event.type().startsWith("customer.subscription.")) {
            sync.refresh(account, account.client().v1().subscriptions().retrieve(event.dataObjectId()));
            return;
        }
        Invoice invoice = account.client().v1().invoices().retrieve(event.dataObjectId());
        if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
            return; // a standalone invoice: not a quote's subscription
        }
        var details = invoice.getParent().getSubscriptionDetails();
        // Whoever sold the subscription (a quote or a payment link), a renewal Stripe could not charge is told.
        boolean renewalFailed = "invoice.payment_failed".equals(event.type()) && !"paid".equals(invoice.getStatus());
        Optional<PaidQuotes.Target> target = subscriptions.targetOf(details.getMetadata());
        if (target.isEmpty()) {
            Optional<Long> link = LinkCheckout.linkOf(details.getMetadata());
            if (link.isPresent()) {
                // A renewal of a subscription sold through a payment link: recorded with the link, and with
                // the deal and contact its purchase made, so it shows on the deal and in the owner's figures.
                var sold = sync.soldThroughLink(account.accountId(), details.getSubscription(), link.get());
                String status = subscriptions.refresh(account.accountId(), account.client(), details.getSubscription(), sold);
                subscriptions.recordInvoice(account.accountId(), account.client(), invoice.getId(), sold, null);
                if (renewalFailed) {
                    linkSales.ifAvailable(sales -> sales.describe(link.get()).ifPresent(described ->
                            notifications.renewalFailed(notifications.linkRenewal(described,
                                            invoice.getCustomerEmail(), invoice.getCustomerName()),
                                    account.accountId(), details.getSubscription(), invoice.getId(), status)));
                }
            }
            return;
        }
        String status = subscriptions.refresh(account.accountId(), account.client(), details.getSubscription(), target.get());
        subscriptions.invoice(account.accountId(), account.client(), invoice.getId(), target.get(), null);
        if (renewalFailed) {
            notifications.renewalFailed(PaymentNotifications.FailedRenewal.ofQuote(target.get()), account.accountId(), details.getSubscription(), invoice.getId(), status);
        }
    }
}
