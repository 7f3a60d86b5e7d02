package com.commercehub.checkout;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One visit of a payment link, as checkout needs it to make the visit's Checkout Session.
 * {@code buyerPath} is the link's public page ({@code /pay/<token>}), where Stripe sends the buyer back;
 * {@code redirectUrl}, when set, replaces the thank-you page. {@code couponId} is the link's fixed discount
 * (made by {@link LinkCheckout#fixedDiscount}), never together with {@code allowPromotionCodes}, which offers
 * Stripe's own code field. {@code promotionCodeId} is a code the buyer typed on the link's page (never with either).
 */
public record LinkCheckoutRequest(long linkId, String buyerPath, String languageTag, List<Item> items,
                                  boolean allowPromotionCodes, String couponId, boolean billingAddressRequired,
                                  List<String> shippingCountries, boolean phoneNumber, String redirectUrl,
                                  int visit, Instant expiresAt, String promotionCodeId) {

    /**
     * An item; {@code interval} is null for one-time items; {@code minQuantity}/{@code maxQuantity} make it
     * adjustable; {@code taxPercentage} (null: untaxed) is sent as a Stripe tax rate, inclusive or added.
     */
    public record Item(String name, Money unitPrice, long quantity, Integer minQuantity, Integer maxQuantity,
                       String interval, int intervalCount, BigDecimal taxPercentage, boolean taxInclusive) {

        boolean recurring() {
            return interval != null;
        }

        boolean adjustable() {
            return minQuantity != null || maxQuantity != null;
        }

        /** The tax as quote checkout sends it, so both share one Stripe tax rate per percentage. */
        CheckoutPlan.Tax tax() {
            return taxPercentage == null || taxPercentage.signum() <= 0 ? null
                    : new CheckoutPlan.Tax(new BigDecimal(taxPercentage.stripTrailingZeros().toPlainString()), taxInclusive);
        }
    }

    boolean subscription() {
        return items.stream().anyMatch(Item::recurring);
    }

    /** A percentage off that the link always grants. */
    public record FixedDiscount(long linkId, String name, BigDecimal percentOff, boolean recurring) {
    }
}
