package com.commercehub.stripe;

import java.time.Instant;
import java.util.List;

/**
 * What the Payments settings page shows of the connection. Secrets appear only as their last four
 * characters. {@code secretsReadable} is false when the stored API key or signing secret cannot be decrypted
 * with this installation's key (key file lost or replaced): then nothing works until the admin reconnects.
 * {@code environmentKey} is true when STRIPE_API_KEY is set: that key is then the only one this installation uses.
 */
public record StripeConnectionInfo(StripeStatus status, boolean sandbox, String accountId, String accountName,
                                   String country, String defaultCurrency, boolean chargesEnabled,
                                   boolean payoutsEnabled, List<String> requirements, String apiKeyLast4,
                                   String webhookUrl, boolean webhookCreatedAutomatically, String webhookSecretLast4,
                                   List<String> supportedCurrencies, Instant connectedAt, String connectedBy,
                                   boolean secretsReadable, ProcessorMode mode, boolean environmentKey) {

    public static StripeConnectionInfo disconnected(String webhookUrl, boolean environmentKey) {
        return new StripeConnectionInfo(StripeStatus.DISCONNECTED, false, null, null, null, null, false, false,
                List.of(), null, webhookUrl, false, null, List.of(), null, null, true, ProcessorMode.NOT_CONNECTED,
                environmentKey);
    }

    public boolean connected() {
        return status != StripeStatus.DISCONNECTED;
    }
}
