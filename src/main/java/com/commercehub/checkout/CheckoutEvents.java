package com.commercehub.checkout;

import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeEventEnvelope;
import com.commercehub.stripe.StripeEventHandler;
import com.stripe.exception.StripeException;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Checkout's events: a session completed (cards), or a delayed payment (SEPA) settled or failed. Each
 * only says "look at this session again": fulfilment reads it from Stripe, so order and repeats do not matter.
 */
@Component
class CheckoutEvents implements StripeEventHandler {

    private static final Set<String> TYPES = Set.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed");

    private final CheckoutFulfilment fulfilment;
    private final PaymentAccounts accounts;

    CheckoutEvents(CheckoutFulfilment fulfilment, PaymentAccounts accounts) {
        this.fulfilment = fulfilment;
        this.accounts = accounts;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) throws StripeException {
        var account = accounts.connected().orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        if (event.account() != null && !event.account().equals(account.accountId())) {
            // An event of an account disconnected since: its session cannot be read with today's key.
            throw new IllegalStateException("event of account " + event.account() + ", connected is " + account.accountId());
        }
        fulfilment.fulfil(account.accountId(), account.client(),
                CheckoutFulfilment.read(account.client(), event.dataObjectId()));
    }
}
