package com.commercehub.quote;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.BearerTokens;
import org.springframework.stereotype.Component;


/**
 * Buyer links of published quotes: {@link BearerTokens} sealed under the quote links' purpose.
 */
@Component
class BuyerLinks {

    static final String PATH = "/quote/";

    record Issued(String token, String hash, String sealed) {
    }

    private final BearerTokens tokens;

    BuyerLinks(SecretCipher cipher) {
        this.tokens = new BearerTokens(cipher, "quote-buyer-link");
    }

    Issued issue() {
        BearerTokens.Issued issued = tokens.issue();
        return new Issued(issued.token(), issued.hash(), issued.sealed());
    }

    String reveal(String sealed) {
        return tokens.reveal(sealed);
    }

    /** Tokens are 43 URL-safe base64 characters; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        return BearerTokens.wellFormed(token);
    }

    static String hash(String token) {
        return BearerTokens.hash(token);
    }
}
