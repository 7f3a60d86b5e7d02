package com.commercehub.automation;

import com.commercehub.base.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A record as a workflow sees it: what conditions test, what placeholders and webhooks show, and its date.
 *
 * @param reference  how people name it (a quote number, "Payment 42")
 * @param status     the record's own status word (quote status, payment status, Stripe's subscription status)
 * @param date       the date steps may be timed against (quote expiry), or null
 * @param occurredAt when it entered its current state (the base of fixed delays for a dry run)
 */
public record RecordSnapshot(RecordType type, long id, String reference, String status, Money amount,
                             Set<Long> productIds, String ownerEmail, Long dealId, String dealName, String dealStage,
                             String buyerName, String buyerEmail, Locale buyerLocale, LocalDate date,
                             Instant occurredAt) {
}
