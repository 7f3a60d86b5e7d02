/**
 * Payment links and promotion codes: selling library products without a quote. Owns the links (items copied
 * from the library, options, public token of 256 bits kept hashed and sealed), each visit's Checkout Session
 * through {@code checkout.LinkCheckout}, what a purchase leads to ({@code LinkSales}: one-time links switch
 * off, a deal with the buyer as contact), and promotion codes made at Stripe as coupon + promotion code.
 * Depends on {@code checkout}, {@code crm}, {@code product}, {@code stripe}, {@code mail} and {@code base};
 * payments are recorded by checkout's fulfilment, never here.
 */
package com.commercehub.link;
