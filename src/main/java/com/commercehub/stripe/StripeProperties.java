package com.commercehub.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe connection settings from the environment. With no API key the built-in sandbox is the
 * payment processor.
 *
 * @param apiKey secret or restricted key ({@code STRIPE_API_KEY}); blank means sandbox
 */
@ConfigurationProperties(prefix = "hub.stripe")
public record StripeProperties(String apiKey) {

    public boolean sandbox() {
        return apiKey == null || apiKey.isBlank();
    }
}
