package com.commercehub.stripe;

import java.time.Instant;
import java.util.List;

/**
 * What the Payments settings page shows of the connection. Secrets appear only as their last four
 * characters.
 */
public record StripeConnectionInfo(StripeStatus status, boolean sandbox, String accountId, String accountName,
                                   String country, String defaultCurrency, boolean chargesEnabled,
                                   boolean payoutsEnabled, List<String> requirements, String apiKeyLast4,
                                   String webhookUrl, boolean webhookCreatedAutomatically, String webhookSecretLast4,
                                   List<String> supportedCurrencies, Instant connectedAt, String connectedBy) {

    public static StripeConnectionInfo disconnected(String webhookUrl) {
        return new StripeConnectionInfo(StripeStatus.DISCONNECTED, false, null, null, null, null, false, false,
                List.of(), null, webhookUrl, false, null, List.of(), null, null);
    }

    public boolean connected() {
        return status != StripeStatus.DISCONNECTED;
    }
}
