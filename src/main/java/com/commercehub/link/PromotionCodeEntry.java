package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/** A promotion code as the list shows it. */
public record PromotionCodeEntry(long id, long version, String code, BigDecimal percentOff, Money amountOff,
                                 Instant expiresAt, Integer maxRedemptions, boolean active) {
}
