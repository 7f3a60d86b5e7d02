package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Completed Checkout Sessions of payment links: recorded like a quote's (the payment, or the subscription and
 * its first period), marked with the link, after {@link PaymentLinkSales} said which deal and contact the
 * purchase belongs to. Runs in the caller's transaction (see {@link CheckoutFulfilment}).
 */
@Component
class LinkFulfilment {

    private final PaymentRecords records;
    private final SubscriptionFulfilment subscriptions;
    private final ChargeAftermath aftermath;
    private final ObjectProvider<PaymentLinkSales> sales;

    LinkFulfilment(PaymentRecords records, SubscriptionFulfilment subscriptions, ChargeAftermath aftermath,
                   ObjectProvider<PaymentLinkSales> sales) {
        this.records = records;
        this.subscriptions = subscriptions;
        this.aftermath = aftermath;
        this.sales = sales;
    }

    Optional<CheckoutFulfilment.Fulfilled> fulfil(String accountId, StripeClient client, Session session, long linkId)
            throws StripeException {
        if (!"complete".equals(session.getStatus())) {
            return Optional.empty();
        }
        Money amount = StripeAmounts.fromMinorUnits(session.getAmountTotal(), session.getCurrency());
        PaymentLinkSales.Sale sale = sale(linkId, session, amount);
        if ("subscription".equals(session.getMode())) {
            if (session.getSubscription() == null) {
                return Optional.empty();
            }
            SubscriptionFulfilment.Sold sold = SubscriptionFulfilment.Sold.throughLink(linkId, sale);
            subscriptions.refresh(accountId, client, session.getSubscription(), sold);
            return session.getInvoice() == null ? Optional.empty()
                    : subscriptions.recordInvoice(accountId, client, session.getInvoice(), sold, session.getId())
                    .map(SubscriptionFulfilment.Invoiced::fulfilled);
        }
        PaymentIntent intent = session.getPaymentIntentObject();
        if (intent == null) {
            return Optional.empty();
        }
        PaymentFacts facts = CheckoutFulfilment.paymentFacts(accountId, session, intent, null, null,
                sale == null ? null : sale.dealId(), sale == null ? null : sale.contactId(),
                sale == null ? null : sale.companyId(), linkId, null);
        PaymentRecords.Recorded recorded = records.record(facts);
        aftermath.afterRecording(accountId, client, intent.getLatestChargeObject());
        return Optional.of(new CheckoutFulfilment.Fulfilled(recorded.id(), recorded.after(), amount, facts.receiptUrl()));
    }

    private PaymentLinkSales.Sale sale(long linkId, Session session, Money amount) {
        PaymentLinkSales port = sales.getIfAvailable();
        if (port == null) {
            return null;
        }
        var details = session.getCustomerDetails();
        // The session's language is the one the buyer's pages were shown in (the link's, or their browser's).
        java.util.Locale language = session.getLocale() == null || "auto".equals(session.getLocale()) ? null
                : java.util.Locale.forLanguageTag(session.getLocale());
        PaymentLinkSales.Buyer buyer = details == null ? new PaymentLinkSales.Buyer(null, null, null, language)
                : new PaymentLinkSales.Buyer(details.getEmail(), details.getName(), details.getPhone(), language);
        return port.completed(linkId, session.getId(), buyer, amount).orElse(null);
    }
}
