package com.commercehub.checkout;

import com.commercehub.quote.PaidQuotes;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Subscription-mode checkouts: the subscription record and its first period's payment. (Filled in by
 * the subscription work; until then a completed subscription checkout records nothing here.)
 */
@Component
class SubscriptionFulfilment {

    /** Records the subscription and the first invoice's payment; the payment's id when one was recorded. */
    Optional<CheckoutFulfilment.Fulfilled> sessionCompleted(String accountId, StripeClient client, Session session,
                                                            PaidQuotes.Target target) throws StripeException {
        return Optional.empty();
    }
}
