package com.commercehub.checkout;

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

    SubscriptionSync(SubscriptionFulfilment subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Re-reads the subscription from Stripe and writes its record; its Stripe status, empty when it is not ours. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> refresh(PaymentAccount account, String stripeSubscriptionId) throws StripeException {
        Subscription subscription = account.client().v1().subscriptions().retrieve(stripeSubscriptionId);
        Optional<PaidQuotes.Target> target = subscriptions.targetOf(subscription.getMetadata());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(subscriptions.refresh(account.accountId(), account.client(), stripeSubscriptionId, target.get()));
    }
}
