package com.commercehub.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Stripe connection settings from the environment. With no API key (here or connected in Settings)
 * the built-in sandbox is the payment processor.
 *
 * @param apiKey            secret or restricted key ({@code STRIPE_API_KEY}); blank means sandbox unless one is connected
 * @param apiBase           where the API lives: blank is Stripe itself, {@code sandbox} the built-in sandbox
 *                          even for a pasted key (demos and tests), anything else a URL ({@code STRIPE_API_BASE})
 * @param maxNetworkRetries stripe-java's own retries of connection errors and timeouts, 409 and 5xx
 * @param connectTimeout    TCP connect timeout per request
 * @param readTimeout       response timeout per request; a timed-out request is retried by stripe-java with
 *                          the same idempotency key
 * @param rateLimitRetries  our own retries of a 429 (stripe-java leaves those to the caller)
 * @param rateLimitBackoff  the pause before the first of them; it doubles for each next one, up to 5 s
 */
@ConfigurationProperties(prefix = "hub.stripe")
public record StripeProperties(String apiKey, String apiBase,
                               @DefaultValue("2") int maxNetworkRetries,
                               @DefaultValue("10s") Duration connectTimeout,
                               @DefaultValue("30s") Duration readTimeout,
                               @DefaultValue("2") int rateLimitRetries,
                               @DefaultValue("500ms") Duration rateLimitBackoff) {

    static final String SANDBOX_BASE = "sandbox";

    boolean hasEnvironmentKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Keys are always sent to the built-in sandbox, never to Stripe. */
    boolean forcedSandbox() {
        return SANDBOX_BASE.equalsIgnoreCase(apiBase == null ? "" : apiBase.trim());
    }

    public boolean sandbox() {
        return !hasEnvironmentKey() || forcedSandbox();
    }
}
