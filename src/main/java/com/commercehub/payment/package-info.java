/**
 * The money records: payments with Stripe's own gross, fee and net, their refunds and disputes, and the
 * subscriptions sold — written by the features that learn of them from Stripe (checkout's fulfilment),
 * each keyed on Stripe's ids so that a repeated or reordered event changes nothing, and read by staff.
 */
package com.commercehub.payment;
