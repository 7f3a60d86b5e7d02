/**
 * Quotes: the {@code Quote} aggregate made from a deal (line items, quote-level discounts and fees,
 * signature and payment step), its numbering and defaults, the calculator that prices it, the rules
 * it must meet to collect payment through Stripe Checkout, and its lifecycle — published versions
 * frozen with a buyer link, viewed, signed, paid, expired, recalled.
 */
package com.commercehub.quote;
