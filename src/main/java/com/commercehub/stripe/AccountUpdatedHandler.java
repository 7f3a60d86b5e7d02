package com.commercehub.stripe;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code account.updated}: the connected account's readiness changed. The account is read again from
 * Stripe rather than taken from the payload, because events arrive in any order: the newest state wins
 * whichever event is handled last. Events of an account that is no longer connected change nothing.
 */
@Component
@Order(0)
class AccountUpdatedHandler implements StripeEventHandler {

    private final StripeConnections connections;

    AccountUpdatedHandler(StripeConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean handles(String type) {
        return "account.updated".equals(type);
    }

    @Override
    public void handle(StripeEventEnvelope event) {
        boolean current = connections.active()
                .filter(c -> event.account() == null || event.account().equals(c.accountId())).isPresent();
        if (current) {
            connections.refresh();
        }
    }
}
