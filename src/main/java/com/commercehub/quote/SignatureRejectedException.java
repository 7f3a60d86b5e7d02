package com.commercehub.quote;

import java.util.Map;

/** A signature was refused: each field with the message key that says what is wrong with it. */
public class SignatureRejectedException extends RuntimeException {

    public enum Field { NAME, EMAIL, CONSENT, SIGNATURE }

    private final Map<Field, String> problems;

    SignatureRejectedException(Map<Field, String> problems) {
        super("signature refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<Field, String> problems() {
        return problems;
    }
}
