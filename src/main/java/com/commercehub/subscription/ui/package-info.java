/**
 * Staff pages of subscriptions: the list with filters and search, the detail with items, payments and history,
 * and the action dialogs (change quantity or price with Stripe's proration preview, cancel). Depends on
 * {@code subscription} and {@code base}.
 */
package com.commercehub.subscription.ui;
