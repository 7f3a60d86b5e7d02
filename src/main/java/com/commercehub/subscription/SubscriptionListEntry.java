package com.commercehub.subscription;

import com.commercehub.base.money.Money;

import java.time.Instant;

/** One row of the subscriptions list; {@code version} is what actions name to refuse stale clicks. */
public record SubscriptionListEntry(long id, long version, String stripeSubscriptionId, SubscriptionState state,
                                    String buyerName, String buyerEmail, String companyName, String quoteNumber,
                                    String items, Money perPeriod, String interval, int intervalCount,
                                    Instant nextBillingAt, Money monthlyRecurringRevenue) {
}
