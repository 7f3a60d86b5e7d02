package com.commercehub.quote;

/**
 * Whether the quote may collect payment: {@code processorReady} says the Stripe account (or the
 * sandbox) is connected and ready to transact; {@code rules} lists what the quote itself must fix.
 */
public record PaymentCheck(boolean processorReady, PaymentStepRules.Result rules) {

    public boolean allowed() {
        return processorReady && rules.allowed();
    }
}
