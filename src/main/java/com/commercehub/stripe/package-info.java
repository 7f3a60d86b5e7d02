/**
 * The Stripe edge: connection settings, amount conversion to and from Stripe's minor units, and
 * Stripe's charge limits. Depends on nothing of ours but {@code base}.
 */
package com.commercehub.stripe;
