package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A Stripe subscription as read from Stripe, with where it was sold (quote or payment link, deal, contact, company). */
public record SubscriptionFacts(String accountId, String stripeSubscriptionId, String stripeCustomerId, Long quoteId,
                                Integer quoteVersion, Long dealId, Long contactId, Long companyId, String status,
                                Money periodAmount, String interval, int intervalCount, Instant currentPeriodStart,
                                Instant currentPeriodEnd, boolean cancelAtPeriodEnd, List<Item> items,
                                Long paymentLinkId) {

    /** A subscription not sold through a payment link. */
    public SubscriptionFacts(String accountId, String stripeSubscriptionId, String stripeCustomerId, Long quoteId,
                             Integer quoteVersion, Long dealId, Long contactId, Long companyId, String status,
                             Money periodAmount, String interval, int intervalCount, Instant currentPeriodStart,
                             Instant currentPeriodEnd, boolean cancelAtPeriodEnd, List<Item> items) {
        this(accountId, stripeSubscriptionId, stripeCustomerId, quoteId, quoteVersion, dealId, contactId, companyId,
                status, periodAmount, interval, intervalCount, currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd,
                items, null);
    }

    public record Item(String stripeItemId, String description, BigDecimal quantity, BigDecimal unitAmount) {
    }
}
