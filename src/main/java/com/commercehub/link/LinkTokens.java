package com.commercehub.link;

import com.commercehub.base.secrets.BearerTokens;
import com.commercehub.base.secrets.SecretCipher;
import org.springframework.stereotype.Component;

/** The public tokens of payment links (see {@link BearerTokens}), sealed under their own purpose. */
@Component
class LinkTokens {

    static final String PATH = "/pay/";

    private final BearerTokens tokens;

    LinkTokens(SecretCipher cipher) {
        this.tokens = new BearerTokens(cipher, "payment-link");
    }

    BearerTokens.Issued issue() {
        return tokens.issue();
    }

    String reveal(String sealed) {
        return tokens.reveal(sealed);
    }

    static boolean wellFormed(String token) {
        return BearerTokens.wellFormed(token);
    }

    static String hash(String token) {
        return BearerTokens.hash(token);
    }
}
