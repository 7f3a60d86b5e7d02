package com.commercehub.stripe;

/** How many things a reconcile step compared, and how many it had to repair. */
public record ReconcileStepResult(int checked, int repaired) {
}
