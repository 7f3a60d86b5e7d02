package com.commercehub.sandbox;

import java.security.SecureRandom;

/** Stripe-style ids: a type prefix and 24 random base-62 characters ({@code cus_…}, {@code cs_test_…}). */
final class SandboxIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {
    }

    static String next(String prefix) {
        return prefix + random(24);
    }

    static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
