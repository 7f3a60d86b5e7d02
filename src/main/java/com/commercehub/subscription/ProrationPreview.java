package com.commercehub.subscription;

import com.commercehub.base.money.Money;

import java.time.Instant;

/** Stripe's preview of the invoice a change leads to: what is charged and when (now, or at the next renewal). */
public record ProrationPreview(Money amountDue, Instant chargedAt, boolean now) {
}
