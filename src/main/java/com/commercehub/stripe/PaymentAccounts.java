package com.commercehub.stripe;

import com.stripe.model.Account;
import com.stripe.net.ApiResource;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * For features that charge buyers (who have no staff login): the connected account, when it is
 * ready to transact. Read from the database on each call, so every node sees a (dis)connect at once.
 */
@Component
public class PaymentAccounts {

    private final StripeConnections connections;

    PaymentAccounts(StripeConnections connections) {
        this.connections = connections;
    }

    /** The account payments go to, or empty when none is connected or it cannot take payments now. */
    public Optional<PaymentAccount> ready() {
        return connections.active()
                .filter(row -> StripeStatus.of(ApiResource.GSON.fromJson(row.accountJson(), Account.class)) == StripeStatus.READY)
                .map(row -> new PaymentAccount(row.accountId(), row.sandbox(), connections.client()));
    }

    /**
     * The connected account whatever its readiness, for reading back what was already paid into it
     * (an account can stop being ready after taking a payment; its events must still be processed).
     */
    public Optional<PaymentAccount> connected() {
        return connections.active().map(row -> new PaymentAccount(row.accountId(), row.sandbox(), connections.client()));
    }
}
