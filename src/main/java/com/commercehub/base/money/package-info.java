/**
 * Money as an exact amount of one ISO 4217 currency, with explicit rounding and locale-aware
 * formatting. Stripe's minor units are not known here: they belong to the Stripe edge.
 */
package com.commercehub.base.money;
