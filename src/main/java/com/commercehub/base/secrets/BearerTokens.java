package com.commercehub.base.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tokens that are the credential of a public link (a quote's, a payment link's): 256 random bits as 43
 * URL-safe characters. The database holds the SHA-256 (how a request finds the record) and a copy sealed
 * with {@link SecretCipher} under the feature's purpose (so staff can copy the link again), never the token.
 */
public final class BearerTokens {

    /** A new token, its hash and its sealed copy. */
    public record Issued(String token, String hash, String sealed) {
    }

    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_CHARS = 43;

    private final SecretCipher cipher;
    private final String purpose;
    private final SecureRandom random = new SecureRandom();

    public BearerTokens(SecretCipher cipher, String purpose) {
        this.cipher = cipher;
        this.purpose = purpose;
    }

    public Issued issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token), cipher.encrypt(purpose, token));
    }

    public String reveal(String sealed) {
        return cipher.decrypt(purpose, sealed);
    }

    /** Anything but 43 URL-safe base64 characters is refused before any lookup. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == TOKEN_CHARS && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
