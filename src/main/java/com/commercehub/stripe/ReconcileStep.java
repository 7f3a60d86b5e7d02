package com.commercehub.stripe;

import com.stripe.exception.StripeException;

/**
 * A port for work the reconciler does on each run beyond finding missed events — e.g. the payment
 * feature fetching fees that were not yet available, or comparing payments with Stripe's balance
 * transactions. Declare a Spring bean; steps run after the events, in {@link org.springframework.core.annotation.Order},
 * on the one node holding the reconciler's lock, outside any transaction (open your own, short ones).
 * A step that throws is counted as an error of the run; the other steps still run.
 */
public interface ReconcileStep {

    /** A short name for the run log, e.g. {@code "fees"}. */
    String name();

    /** Compares what Stripe holds with what we hold, repairs the difference, and says how much of each. */
    ReconcileStepResult run(ReconcileContext context) throws StripeException;
}
