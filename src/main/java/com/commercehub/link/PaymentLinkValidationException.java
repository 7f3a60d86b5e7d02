package com.commercehub.link;

import java.util.Map;

/** The draft breaks a rule; {@link #problems()} maps each field to the translation key of its message. */
public class PaymentLinkValidationException extends RuntimeException {

    private final Map<String, String> problems;

    PaymentLinkValidationException(Map<String, String> problems) {
        super("invalid payment link: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
