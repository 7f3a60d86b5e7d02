/**
 * Quotes: so far the calculator that prices a quote's lines, discounts, fees and taxes, and the rules a
 * quote must meet to collect payment through Stripe Checkout. The quote
 * aggregate, its lifecycle and the builder views come with the rest of the quote issue.
 */
package com.commercehub.quote;
