package com.commercehub.link;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A payment link as its public page shows it. {@code language} is the link's, or null to follow the buyer;
 * {@code unavailable} is why it cannot be paid now (null when it can). {@code taxAdded} is on top of the
 * subtotal, {@code taxIncluded} inside it; {@code total} is what the buyer pays before any code or discount.
 * With {@code promotionCodes} the page takes a code; {@code hostedCodeField}: Stripe's payment page does too.
 */
public record LinkPage(String name, Locale language, List<Line> lines, Money subtotal, Money taxAdded,
                       Money taxIncluded, Money total, boolean promotionCodes, boolean hostedCodeField,
                       BigDecimal discountPercent, LinkUnavailableException.Reason unavailable) {

    /**
     * One item; {@code interval}/{@code intervalCount} are null for one-time items, {@code taxPercentage} for
     * untaxed ones.
     */
    public record Line(String name, Money unitPrice, int quantity, String interval, Integer intervalCount,
                       boolean adjustable, String taxName, BigDecimal taxPercentage, boolean taxInclusive) {
    }
}
