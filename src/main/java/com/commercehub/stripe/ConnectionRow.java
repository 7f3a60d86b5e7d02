package com.commercehub.stripe;

import java.time.Instant;

/** One stored connection to a Stripe account (secrets still encrypted). */
record ConnectionRow(long id, String accountId, String accountName, String country, String defaultCurrency,
                     boolean sandbox, boolean livemode, String apiKeyEnc, String apiKeyLast4, String webhookEndpointId,
                     String webhookUrl, String webhookSecretEnc, String accountJson, String supportedCurrencies,
                     Instant termsAcceptedAt, String connectedBy, Instant connectedAt, Instant refreshedAt) {

    /** What the row connects to: its own flags, set from the key's prefix when it was connected. */
    ProcessorMode mode() {
        return ProcessorMode.of(sandbox, livemode);
    }
}
