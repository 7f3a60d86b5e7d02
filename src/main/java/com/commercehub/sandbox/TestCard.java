package com.commercehub.sandbox;

import java.util.Map;

/** Stripe's test cards and test payment-method tokens, with the outcome Stripe gives each. */
enum TestCard {
    SUCCESS(null, null, null),
    AVAILABLE_IMMEDIATELY(null, null, null),
    GENERIC_DECLINE("card_declined", "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("card_declined", "insufficient_funds", "Your card has insufficient funds."),
    EXPIRED("expired_card", "expired_card", "Your card has expired."),
    INCORRECT_CVC("incorrect_cvc", "incorrect_cvc", "Your card’s security code is incorrect."),
    PROCESSING_ERROR("processing_error", "processing_error",
            "An error occurred while processing your card. Try again in a little bit."),
    THREE_DS_ALWAYS(null, null, null),
    THREE_DS_UNLESS_SET_UP(null, null, null),
    DISPUTE_LATER(null, null, null),
    CHARGES_FAIL("card_declined", "generic_decline", "Your card was declined."),
    LIVE_CARD("card_declined", "test_mode_live_card", "Your card was declined. Your request was in test mode, but "
            + "used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing."),
    INCORRECT_NUMBER("incorrect_number", null, "Your card number is incorrect.");

    private static final Map<String, TestCard> NUMBERS = Map.ofEntries(
            Map.entry("4242424242424242", SUCCESS), Map.entry("5555555555554444", SUCCESS),
            Map.entry("378282246310005", SUCCESS), Map.entry("4000000000000077", AVAILABLE_IMMEDIATELY),
            Map.entry("4000000000000002", GENERIC_DECLINE), Map.entry("4000000000009995", INSUFFICIENT_FUNDS),
            Map.entry("4000000000000069", EXPIRED), Map.entry("4000000000000127", INCORRECT_CVC),
            Map.entry("4000000000000119", PROCESSING_ERROR), Map.entry("4000002760003184", THREE_DS_ALWAYS),
            Map.entry("4000002500003155", THREE_DS_UNLESS_SET_UP), Map.entry("4000000000000259", DISPUTE_LATER),
            Map.entry("4000000000000341", CHARGES_FAIL));

    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("pm_card_visa", "4242424242424242"), Map.entry("pm_card_mastercard", "5555555555554444"),
            Map.entry("pm_card_amex", "378282246310005"), Map.entry("pm_card_bypassPending", "4000000000000077"),
            Map.entry("pm_card_chargeDeclined", "4000000000000002"),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", "4000000000009995"),
            Map.entry("pm_card_chargeDeclinedExpiredCard", "4000000000000069"),
            Map.entry("pm_card_chargeDeclinedIncorrectCvc", "4000000000000127"),
            Map.entry("pm_card_chargeDeclinedProcessingError", "4000000000000119"),
            Map.entry("pm_card_authenticationRequired", "4000002760003184"),
            Map.entry("pm_card_authenticationRequiredOnSetup", "4000002500003155"),
            Map.entry("pm_card_createDispute", "4000000000000259"),
            Map.entry("pm_card_chargeCustomerFail", "4000000000000341"));

    final String code;
    final String declineCode;
    final String message;

    TestCard(String code, String declineCode, String message) {
        this.code = code;
        this.declineCode = declineCode;
        this.message = message;
    }

    boolean declines() {
        return code != null;
    }

    boolean needsAuthentication() {
        return this == THREE_DS_ALWAYS || this == THREE_DS_UNLESS_SET_UP;
    }

    static String digits(String number) {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    static TestCard of(String number) {
        String digits = digits(number);
        TestCard known = NUMBERS.get(digits);
        if (known != null) {
            return known;
        }
        return digits.matches("\\d{12,19}") && luhn(digits) ? LIVE_CARD : INCORRECT_NUMBER;
    }

    /**
     * The test card behind a typed number. Anything else — a real card, a mistyped number — is refused with
     * Stripe's card error before the caller stores anything: the sandbox never keeps a number that is not a test card.
     */
    static TestCard require(String number) {
        TestCard card = of(number);
        if (card == LIVE_CARD || card == INCORRECT_NUMBER) {
            throw StripeError.card(card.code, card.declineCode, card.message);
        }
        return card;
    }

    /** The outcome a stored payment method gives (it keeps the test card's name, not its number). */
    static TestCard of(java.util.Map<String, Object> paymentMethod) {
        Object kind = paymentMethod == null ? null : paymentMethod.get(STORED);
        return kind == null ? INCORRECT_NUMBER : valueOf((String) kind);
    }

    /** The internal field of a payment method that names its test card. */
    static final String STORED = "_test_card";

    /** A test card number with this outcome (to charge a stored payment method, which keeps no number). */
    String anyNumber() {
        return NUMBERS.entrySet().stream().filter(entry -> entry.getValue() == this).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(null);
    }

    /** The card number behind a test token ({@code pm_card_visa}), or null. */
    static String numberForToken(String token) {
        return TOKENS.get(token);
    }

    static String brand(String number) {
        String digits = digits(number);
        if (digits.startsWith("4")) {
            return "visa";
        }
        if (digits.startsWith("5")) {
            return "mastercard";
        }
        return digits.startsWith("3") ? "amex" : "unknown";
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
