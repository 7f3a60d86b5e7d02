package com.commercehub.stripe;

import com.commercehub.base.payments.PaymentProcessorMode;
import org.springframework.stereotype.Component;

@Component
class ConfiguredProcessorMode implements PaymentProcessorMode {

    private final StripeConnections connections;

    ConfiguredProcessorMode(StripeConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean isSandbox() {
        return connections.sandbox();
    }
}
