package com.commercehub.stripe;

import java.time.Instant;

/** A stored event that failed on every try, as the admin sees it. */
public record FailedStripeEvent(String id, String type, String accountId, int attempts, String lastError,
                                Instant receivedAt, Instant failedAt) {
}
