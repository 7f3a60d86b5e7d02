package com.commercehub.stripe;

import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import org.springframework.stereotype.Component;

/**
 * The one place a {@link StripeClient} is built: explicit network retries (plus ours of 429) and timeouts, and the API
 * base pointed at the built-in sandbox when no real key is in use.
 */
@Component
public class StripeClientFactory {

    private final StripeProperties properties;
    private final LocalServerAddress localServer;
    /** The sandbox's own key: the only one it accepts. */
    private final SandboxApiKey sandboxKey;

    StripeClientFactory(StripeProperties properties, LocalServerAddress localServer, SandboxApiKey sandboxKey) {
        this.properties = properties;
        this.localServer = localServer;
        this.sandboxKey = sandboxKey;
    }

    /** A client for the key from the environment, or for the sandbox when there is none. */
    public StripeClient client() {
        return properties.hasEnvironmentKey() ? forKey(properties.apiKey()) : forKey(sandboxKey.secretKey());
    }

    /** A client for a given key (verifying a pasted key, or the connected account's). */
    public StripeClient forKey(String apiKey) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(apiBaseFor(apiKey))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setHttpClient(new RateLimitRetries(properties.rateLimitRetries(), properties.rateLimitBackoff()))
                .build();
    }

    String apiBaseFor(String apiKey) {
        if (properties.forcedSandbox() || sandboxKey.secretKey().equals(apiKey)) {
            return localServer.sandboxApiBase();
        }
        String base = properties.apiBase();
        return base == null || base.isBlank() ? "https://api.stripe.com" : base.trim();
    }
}
