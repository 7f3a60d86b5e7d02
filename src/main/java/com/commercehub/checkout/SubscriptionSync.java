package com.commercehub.checkout;

import com.commercehub.payment.PaymentRecords;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.PaymentAccount;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Brings the subscription record in line with Stripe after another feature changed the subscription there
 * (staff actions, the buyer portal): the same refresh the webhooks run, so an action shows as done as soon as
 * Stripe has confirmed it and the late webhook changes nothing more.
 */
@Component
public class SubscriptionSync {

    private final SubscriptionFulfilment subscriptions;
    private final PaymentRecords records;

    SubscriptionSync(SubscriptionFulfilment subscriptions, PaymentRecords records) {
        this.subscriptions = subscriptions;
        this.records = records;
    }

    /** Re-reads the subscription from Stripe and writes its record; its Stripe status, empty when it is not ours. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> refresh(PaymentAccount account, String stripeSubscriptionId) throws StripeException {
        return refresh(account, account.client().v1().subscriptions().retrieve(stripeSubscriptionId));
    }

    /**
     * Writes the record of a subscription just read from Stripe, whoever sold it: a quote or a payment link (a
     * link's subscription was skipped here before, so a staff change showed only once its webhook came).
     */
    Optional<String> refresh(PaymentAccount account, Subscription subscription) throws StripeException {
        Optional<PaidQuotes.Target> target = subscriptions.targetOf(subscription.getMetadata());
        if (target.isPresent()) {
            return Optional.of(subscriptions.refresh(account.accountId(), account.client(), subscription.getId(), target.get()));
        }
        Optional<Long> link = LinkCheckout.linkOf(subscription.getMetadata());
        if (link.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(subscriptions.refresh(account.accountId(), account.client(), subscription.getId(),
                soldThroughLink(account.accountId(), subscription.getId(), link.get())));
    }

    /**
     * A link's subscription as sold: the deal, contact and company come from its record, written when the
     * purchase's Checkout Session was fulfilled (an event before that finds none; the session's fulfilment
     * then fills them in, the records keeping the first non-null value).
     */
    SubscriptionFulfilment.Sold soldThroughLink(String accountId, String subscriptionId, long linkId) {
        return SubscriptionFulfilment.Sold.throughLink(linkId, records.subscriptionParties(accountId, subscriptionId)
                .map(parties -> new PaymentLinkSales.Sale(parties.dealId(), parties.contactId(), parties.companyId()))
                .orElse(null));
    }
}
