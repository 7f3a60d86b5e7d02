package com.commercehub.link;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.Sha256;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The public tokens of payment links: 256 random bits; the database holds the SHA-256 (how a buyer's request
 * finds the link) and an AES-GCM sealed copy (so staff can copy the link again), never the token itself.
 */
@Component
class LinkTokens {

    static final String PATH = "/pay/";
    private static final String PURPOSE = "payment-link";
    private static final int TOKEN_BYTES = 32;

    record Issued(String token, String hash, String sealed) {
    }

    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    LinkTokens(SecretCipher cipher) {
        this.cipher = cipher;
    }

    Issued issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token), cipher.encrypt(PURPOSE, token));
    }

    String reveal(String sealed) {
        return cipher.decrypt(PURPOSE, sealed);
    }

    /** 43 URL-safe base64 characters; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
