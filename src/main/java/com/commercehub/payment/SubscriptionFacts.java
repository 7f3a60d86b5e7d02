package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A Stripe subscription as read from Stripe, with where it was sold (quote, deal, contact, company). */
public record SubscriptionFacts(String accountId, String stripeSubscriptionId, String stripeCustomerId, Long quoteId,
                                Integer quoteVersion, Long dealId, Long contactId, Long companyId, String status,
                                Money periodAmount, String interval, int intervalCount, Instant currentPeriodStart,
                                Instant currentPeriodEnd, boolean cancelAtPeriodEnd, List<Item> items) {

    public record Item(String stripeItemId, String description, BigDecimal quantity, BigDecimal unitAmount) {
    }
}
