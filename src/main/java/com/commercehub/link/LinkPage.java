package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.util.List;
import java.util.Locale;

/**
 * A payment link as its public page shows it. {@code language} is the link's, or null to follow the buyer;
 * {@code unavailable} is why it cannot be paid now (null when it can).
 */
public record LinkPage(String name, Locale language, List<Line> lines, Money total, boolean promotionCodes,
                       java.math.BigDecimal discountPercent, LinkUnavailableException.Reason unavailable) {

    /** One item; {@code interval}/{@code intervalCount} are null for one-time items. */
    public record Line(String name, Money unitPrice, int quantity, String interval, Integer intervalCount,
                       boolean adjustable) {
    }
}
