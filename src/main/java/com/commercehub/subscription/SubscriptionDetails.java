package com.commercehub.subscription;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A subscription with its items, current period, payments (one per invoice) and history. */
public record SubscriptionDetails(SubscriptionListEntry summary, Long contactId, Instant currentPeriodStart,
                                  Instant currentPeriodEnd, Instant cancelAt, Instant canceledAt,
                                  String cancellationReason, boolean buyerChangesQuantity, List<Item> items,
                                  List<Payment> payments, List<Event> events) {

    public record Item(String stripeItemId, String description, BigDecimal quantity, Money unitAmount) {
    }

    /** A period's payment: the invoice it paid, where it stands and Stripe's receipt. */
    public record Payment(long id, String invoiceId, Instant createdAt, Instant paidAt, Money amount, String status,
                          String receiptUrl) {
    }

    /** Who did what: {@code actorKind} STAFF, BUYER or STRIPE. */
    public record Event(Instant occurredAt, String actorKind, String actor, String kind, String detail) {
    }

    public long id() {
        return summary.id();
    }

    public long version() {
        return summary.version();
    }

    public SubscriptionState state() {
        return summary.state();
    }
}
