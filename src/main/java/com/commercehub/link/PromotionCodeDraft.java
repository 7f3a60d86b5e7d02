package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A promotion code to make: exactly one of {@code percentOff} and {@code amountOff}; expiry and limit optional;
 * {@code linkIds} limits it to those payment links (empty: every link that takes codes).
 */
public record PromotionCodeDraft(String code, BigDecimal percentOff, Money amountOff, LocalDate expiresOn,
                                 Integer maxRedemptions, List<Long> linkIds) {

    public PromotionCodeDraft {
        linkIds = linkIds == null ? List.of() : List.copyOf(linkIds);
    }

    public PromotionCodeDraft(String code, BigDecimal percentOff, Money amountOff, LocalDate expiresOn,
                              Integer maxRedemptions) {
        this(code, percentOff, amountOff, expiresOn, maxRedemptions, List.of());
    }
}
