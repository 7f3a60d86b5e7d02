package com.commercehub.sandbox;

/** The Stripe API version the sandbox speaks and stamps on its events. */
final class SandboxApiVersion {

    static final String CURRENT = "2026-07-29.dahlia";

    private SandboxApiVersion() {
    }
}
