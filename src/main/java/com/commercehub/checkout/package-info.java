/**
 * Checkout: turns a published quote version into a Stripe Checkout Session the buyer is sent to
 * ({@code QuoteCheckout}) — one open session per version, line items, coupon and tax rates built
 * from the frozen version so that Stripe charges exactly the quote's first payment, and the buyer's
 * Stripe customer found or made once per account and e-mail; every session carries the checkout branding
 * ({@code CheckoutBranding}). Depends on {@code quote}, {@code stripe}, {@code branding} and {@code base}.
 */
package com.commercehub.checkout;
