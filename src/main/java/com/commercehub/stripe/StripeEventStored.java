package com.commercehub.stripe;

/** An event was stored (published in the storing transaction; the worker takes it after commit). */
record StripeEventStored(String id) {
}
