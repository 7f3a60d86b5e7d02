package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.time.Instant;

/** One refund of a charge as Stripe lists it ({@code status}: succeeded, pending, failed, canceled). */
public record RefundFacts(String refundId, Money amount, String status, Instant createdAt) {
}
