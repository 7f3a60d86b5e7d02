package com.commercehub.stripe;

import java.time.Instant;

/** A stored event as the worker reads it (locked) or the intake writes it. */
record StoredEvent(String id, String accountId, String type, String apiVersion, long created, String payload,
                   int attempts) {

    StripeEventEnvelope envelope() {
        return new StripeEventEnvelope(id, type, accountId, Instant.ofEpochSecond(created), apiVersion, payload,
                attempts + 1);
    }
}
