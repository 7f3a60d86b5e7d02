package com.commercehub.stripe;

import com.commercehub.base.payments.PaymentProcessorMode;
import org.springframework.stereotype.Component;

@Component
class ConfiguredProcessorMode implements PaymentProcessorMode {

    private final StripeProperties properties;

    ConfiguredProcessorMode(StripeProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean isSandbox() {
        return properties.sandbox();
    }
}
