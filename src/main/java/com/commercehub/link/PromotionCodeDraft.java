package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A promotion code to make: exactly one of {@code percentOff} and {@code amountOff}; expiry and limit optional. */
public record PromotionCodeDraft(String code, BigDecimal percentOff, Money amountOff, LocalDate expiresOn,
                                 Integer maxRedemptions) {
}
