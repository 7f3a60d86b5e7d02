package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.time.Instant;
import java.util.List;

/** One row of the payment links list: its state, how many payments came through it and their sum per currency. */
public record PaymentLinkListEntry(long id, long version, String name, PaymentLinkStatus status, boolean oneTime,
                                   long payments, List<Money> revenue, Instant expiresAt, Instant createdAt) {
}
