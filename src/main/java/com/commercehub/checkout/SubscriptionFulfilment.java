package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.SubscriptionFacts;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscriptions sold through quotes: the subscription record, mirrored from Stripe, and one payment per
 * billing period (keyed on the period's invoice, so the first invoice seen through the checkout session
 * and through {@code invoice.paid} is one payment). Everything is read afresh from Stripe.
 */
@Component
class SubscriptionFulfilment {

    private final PaymentRecords records;
    private final PaidQuotes quotes;
    private final QuotePaidSteps paid;
    private final ChargeAftermath aftermath;

    SubscriptionFulfilment(PaymentRecords records, PaidQuotes quotes, QuotePaidSteps paid, ChargeAftermath aftermath) {
        this.aftermath = aftermath;
        this.records = records;
        this.quotes = quotes;
        this.paid = paid;
    }

    /** Records the subscription and the first invoice's payment; the payment when one was recorded. */
    Optional<CheckoutFulfilment.Fulfilled> sessionCompleted(String accountId, StripeClient client, Session session,
                                                            PaidQuotes.Target target) throws StripeException {
        if (session.getSubscription() == null) {
            return Optional.empty();
        }
        refresh(accountId, client, session.getSubscription(), target);
        return session.getInvoice() == null ? Optional.empty()
                : invoice(accountId, client, session.getInvoice(), target, session.getId());
    }

    /** The quote a Stripe object was sold through, from the metadata checkout put on it. */
    Optional<PaidQuotes.Target> targetOf(Map<String, String> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            String id = metadata.get(QuoteCheckout.METADATA_QUOTE_ID);
            String version = metadata.get(QuoteCheckout.METADATA_VERSION);
            return id == null || version == null ? Optional.empty()
                    : quotes.target(Long.parseLong(id), Integer.parseInt(version));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Where a subscription was sold: a quote version, or a payment link ({@code paymentLinkId}). */
    record Sold(Long quoteId, Integer version, Long dealId, Long contactId, Long companyId, Long paymentLinkId) {

        static Sold of(PaidQuotes.Target quote) {
            return new Sold(quote.quoteId(), quote.version(), quote.dealId(), quote.contactId(), quote.companyId(), null);
        }

        static Sold throughLink(long linkId, PaymentLinkSales.Sale sale) {
            return sale == null ? new Sold(null, null, null, null, null, linkId)
                    : new Sold(null, null, sale.dealId(), sale.contactId(), sale.companyId(), linkId);
        }
    }

    /** Re-reads the subscription and writes its record; its status as Stripe has it. */
    String refresh(String accountId, StripeClient client, String subscriptionId, PaidQuotes.Target target)
            throws StripeException {
        return refresh(accountId, client, subscriptionId, Sold.of(target));
    }

    String refresh(String accountId, StripeClient client, String subscriptionId, Sold target)
            throws StripeException {
        // The product's name describes an item whose price has no nickname (prices made by checkout have none).
        Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId,
                com.stripe.param.SubscriptionRetrieveParams.builder().addExpand("items.data.price.product").build());
        List<SubscriptionItem> items = subscription.getItems().getData();
        String currency = subscription.getCurrency();
        long perPeriod = 0;
        List<SubscriptionFacts.Item> facts = new java.util.ArrayList<>();
        for (SubscriptionItem item : items) {
            long unit = item.getPrice().getUnitAmount() == null ? 0 : item.getPrice().getUnitAmount();
            long quantity = item.getQuantity() == null ? 1 : item.getQuantity();
            perPeriod += unit * quantity;
            String description = item.getPrice().getNickname() != null ? item.getPrice().getNickname()
                    : item.getPrice().getProductObject() == null ? null : item.getPrice().getProductObject().getName();
            facts.add(new SubscriptionFacts.Item(item.getId(), description, BigDecimal.valueOf(quantity),
                    StripeAmounts.fromMinorUnits(unit, currency).amount()));
        }
        SubscriptionItem first = items.getFirst();
        records.subscription(new SubscriptionFacts(accountId, subscription.getId(), subscription.getCustomer(),
                target.quoteId(), target.version(), target.dealId(), target.contactId(), target.companyId(),
                subscription.getStatus(), StripeAmounts.fromMinorUnits(perPeriod, currency),
                first.getPrice().getRecurring().getInterval(), first.getPrice().getRecurring().getIntervalCount().intValue(),
                instant(first.getCurrentPeriodStart()), instant(first.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()), facts, target.paymentLinkId()));
        var cancellation = subscription.getCancellationDetails();
        records.subscriptionState(accountId, subscription.getId(), subscription.getPauseCollection() != null,
                instant(subscription.getCancelAt()), instant(subscription.getCanceledAt()),
                cancellation == null ? null : cancellation.getComment());
        return subscription.getStatus();
    }

    /**
     * The payment of one period's invoice: paid, processing or failed, with gross, fee and net once the
     * charge settled. The first period's payment also settles the quote (Paid, deal won, owner told).
     */
    Optional<CheckoutFulfilment.Fulfilled> invoice(String accountId, StripeClient client, String invoiceId,
                                                   PaidQuotes.Target target, String sessionId) throws StripeException {
        Optional<Invoiced> invoiced = recordInvoice(accountId, client, invoiceId, Sold.of(target), sessionId);
        if (invoiced.isPresent() && invoiced.get().recorded().newlyReceived()
                && "subscription_create".equals(invoiced.get().billingReason())) {
            paid.paid(target, invoiced.get().fulfilled().amount());
        }
        return invoiced.map(Invoiced::fulfilled);
    }

    /** A period's payment as recorded, with the invoice's billing reason (the first period: "subscription_create"). */
    record Invoiced(CheckoutFulfilment.Fulfilled fulfilled, PaymentRecords.Recorded recorded, String billingReason) {
    }

    Optional<Invoiced> recordInvoice(String accountId, StripeClient client, String invoiceId, Sold target,
                                     String sessionId) throws StripeException {
        Invoice invoice = client.v1().invoices().retrieve(invoiceId);
        PaymentIntent intent = intentOf(client, invoiceId);
        Charge charge = intent == null ? null : intent.getLatestChargeObject();
        PaymentStatus status = "paid".equals(invoice.getStatus()) ? PaymentStatus.SUCCEEDED
                : intent != null && "processing".equals(intent.getStatus()) ? PaymentStatus.PROCESSING
                : Boolean.TRUE.equals(invoice.getAttempted()) ? PaymentStatus.FAILED : null;
        if (status == null) {
            return Optional.empty(); // not attempted yet: nothing to record
        }
        Money amount = StripeAmounts.fromMinorUnits(invoice.getAmountDue(), invoice.getCurrency());
        String subscriptionId = invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null ? null
                : invoice.getParent().getSubscriptionDetails().getSubscription();
        PaymentRecords.Recorded recorded = records.record(new PaymentFacts(accountId, invoiceId, target.quoteId(),
                target.version(), target.dealId(), target.contactId(), target.companyId(), subscriptionId, sessionId,
                intent == null ? null : intent.getId(), invoiceId, charge == null ? null : charge.getId(),
                CheckoutFulfilment.method(charge), status, amount,
                charge == null ? null : CheckoutFulfilment.settlement(charge.getBalanceTransactionObject()),
                charge == null ? null : charge.getReceiptUrl(),
                intent == null || intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage(),
                status == PaymentStatus.SUCCEEDED && charge != null ? Instant.ofEpochSecond(charge.getCreated()) : null,
                target.paymentLinkId(), null));
        aftermath.afterRecording(accountId, client, charge);
        return Optional.of(new Invoiced(new CheckoutFulfilment.Fulfilled(recorded.id(), recorded.after(), amount,
                charge == null ? null : charge.getReceiptUrl()), recorded, invoice.getBillingReason()));
    }

    /** The invoice's default payment (Stripe links invoices and payment intents through invoice payments). */
    private static PaymentIntent intentOf(StripeClient client, String invoiceId) throws StripeException {
        List<InvoicePayment> payments = client.v1().invoicePayments()
                .list(InvoicePaymentListParams.builder().setInvoice(invoiceId).build()).getData();
        String intentId = payments.stream().filter(p -> p.getPayment() != null && p.getPayment().getPaymentIntent() != null)
                .map(p -> p.getPayment().getPaymentIntent()).findFirst().orElse(null);
        return intentId == null ? null : client.v1().paymentIntents().retrieve(intentId, PaymentIntentRetrieveParams.builder()
                .addExpand("latest_charge.balance_transaction").build());
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
