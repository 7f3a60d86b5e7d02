/**
 * Subscriptions after the sale: the staff list (status, buyer, items, amount per interval, next billing date,
 * MRR) and detail with its periods, payments and history; the staff actions sent to Stripe (quantity or price
 * with a proration preview, pause and resume collection, cancel now or at period end, a link to update the
 * payment method); and the buyer portal's services (magic links, the buyer's own subscriptions and actions).
 * Reads the subscription and payment records that {@code payment} keeps, changes them only through Stripe and
 * {@code checkout}'s refresh, and depends on {@code checkout}, {@code payment}, {@code stripe}, {@code mail}
 * and {@code base}.
 */
package com.commercehub.subscription;
