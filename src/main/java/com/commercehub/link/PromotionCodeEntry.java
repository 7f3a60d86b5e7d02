package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A promotion code as the list shows it; {@code links} are the names of the links it is limited to (empty: all). */
public record PromotionCodeEntry(long id, long version, String code, BigDecimal percentOff, Money amountOff,
                                 Instant expiresAt, Integer maxRedemptions, boolean active, List<String> links) {
}
