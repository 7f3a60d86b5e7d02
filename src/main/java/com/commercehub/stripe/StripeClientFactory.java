package com.commercehub.stripe;

import com.stripe.StripeClient;
import org.springframework.stereotype.Component;

/**
 * The one place a {@link StripeClient} is built: explicit network retries and timeouts, and the API
 * base pointed at the built-in sandbox when no real key is in use.
 */
@Component
public class StripeClientFactory {

    /** The key the app uses with the sandbox; the sandbox accepts any well-formed test key. */
    static final String SANDBOX_KEY = "sk_test_commercehub_sandbox";

    private final StripeProperties properties;
    private final LocalServerAddress localServer;

    StripeClientFactory(StripeProperties properties, LocalServerAddress localServer) {
        this.properties = properties;
        this.localServer = localServer;
    }

    /** A client for the key from the environment, or for the sandbox when there is none. */
    public StripeClient client() {
        return properties.hasEnvironmentKey() ? forKey(properties.apiKey()) : forKey(SANDBOX_KEY);
    }

    /** A client for a given key (verifying a pasted key, or the connected account's). */
    public StripeClient forKey(String apiKey) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(apiBaseFor(apiKey))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .build();
    }

    String apiBaseFor(String apiKey) {
        if (properties.forcedSandbox() || SANDBOX_KEY.equals(apiKey)) {
            return localServer.sandboxApiBase();
        }
        String base = properties.apiBase();
        return base == null || base.isBlank() ? "https://api.stripe.com" : base.trim();
    }
}
