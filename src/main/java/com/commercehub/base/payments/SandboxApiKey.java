package com.commercehub.base.payments;

/**
 * The secret key of this installation's built-in Stripe sandbox: the only key its API accepts. Implemented
 * by the sandbox; declared here so that the Stripe feature's client can use it without depending on it.
 */
public interface SandboxApiKey {

    /** The whole key ({@code sk_test_…}); never log or show it. */
    String secretKey();
}
