/**
 * The offline Stripe: an HTTP API under {@code /sandbox/stripe} that answers the requests stripe-java
 * makes with Stripe's JSON shapes, error bodies and idempotency rules, stored in the database; its
 * hosted checkout page with Stripe's test-card outcomes; and the signed webhook sender. Depends on
 * nothing of ours except {@code base}: the app talks to it only over HTTP, exactly as to Stripe.
 */
package com.commercehub.sandbox;
