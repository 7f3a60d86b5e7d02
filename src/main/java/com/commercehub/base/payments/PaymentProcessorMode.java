package com.commercehub.base.payments;

/**
 * Tells the shell which payment processor is in use, so every page can say when no real money
 * moves. Implemented by the Stripe feature; declared here so the shell does not depend on it.
 */
public interface PaymentProcessorMode {

    boolean isSandbox();
}
