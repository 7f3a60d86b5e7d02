package com.commercehub.stripe;

import com.commercehub.base.secrets.Sha256;
import com.stripe.net.RequestOptions;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deterministic idempotency keys for writes: the same business operation always sends the same key
 * ({@code quote-42-v3-checkout}), so a retry after a timeout cannot create a second object at Stripe.
 * Stripe allows 255 characters; longer keys are shortened to a readable prefix plus a SHA-256.
 */
public final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    public static String key(Object... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("An idempotency key needs at least one part");
        }
        String joined = Stream.of(parts).map(part -> Objects.requireNonNull(part, "key part").toString())
                .collect(Collectors.joining("-"));
        if (joined.isBlank()) {
            throw new IllegalArgumentException("An idempotency key must not be blank");
        }
        if (joined.length() <= MAX_LENGTH) {
            return joined;
        }
        return joined.substring(0, MAX_LENGTH - 65) + "-" + sha256(joined);
    }

    /** Request options carrying the deterministic key for one write. */
    public static RequestOptions forWrite(Object... parts) {
        return RequestOptions.builder().setIdempotencyKey(key(parts)).build();
    }

    private static String sha256(String value) {
        return Sha256.hex(value);
    }
}
