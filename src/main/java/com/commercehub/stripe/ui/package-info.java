/** Settings → Payments: connecting the business's Stripe account. */
package com.commercehub.stripe.ui;
