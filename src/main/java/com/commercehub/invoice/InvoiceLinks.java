package com.commercehub.invoice;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.Sha256;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Buyer links of sent invoices: 256 random bits; the database keeps the SHA-256 (how a request finds the
 * invoice) and an AES-GCM sealed copy (so staff can copy the link again), never the token itself.
 */
@Component
class InvoiceLinks {

    static final String PATH = "/invoice/";
    private static final String PURPOSE = "invoice-buyer-link";
    private static final int TOKEN_BYTES = 32;

    record Issued(String token, String hash, String sealed) {
    }

    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    InvoiceLinks(SecretCipher cipher) {
        this.cipher = cipher;
    }

    Issued issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, Sha256.hex(token), cipher.encrypt(PURPOSE, token));
    }

    String reveal(String sealed) {
        return cipher.decrypt(PURPOSE, sealed);
    }

    /** Tokens are 43 URL-safe base64 characters; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
