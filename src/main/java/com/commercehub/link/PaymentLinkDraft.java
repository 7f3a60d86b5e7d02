package com.commercehub.link;

import com.commercehub.crm.DealStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What staff fill in to make a payment link. {@code shippingCountries}: ISO codes separated by commas or
 * spaces (empty: no shipping address asked); {@code expiresOn}: the last day the link can be paid;
 * {@code language}: null follows the buyer's browser; {@code dealStage}: null makes no deal.
 */
public record PaymentLinkDraft(String name, List<Item> items, boolean allowPromotionCodes, BigDecimal discountPercent,
                               boolean billingAddressRequired, String shippingCountries, boolean phoneNumber,
                               LocalDate expiresOn, boolean oneTime, AfterPayment afterPayment, String thankYouMessage,
                               String redirectUrl, DealStage dealStage, Locale language) {

    /**
     * A library product on the link; min/max (both or either) let the buyer change the quantity;
     * {@code taxRateId} is one of the tax rates quotes use (null: no tax). When editing, {@code keptLine} is the
     * position of the link's own item this one continues (it keeps its copied name and price); null copies the
     * product from the library as it is now.
     */
    public record Item(long productId, int quantity, Integer minQuantity, Integer maxQuantity, Long taxRateId,
                       Integer keptLine) {

        public Item(long productId, int quantity, Integer minQuantity, Integer maxQuantity) {
            this(productId, quantity, minQuantity, maxQuantity, null, null);
        }

        public Item(long productId, int quantity, Integer minQuantity, Integer maxQuantity, Long taxRateId) {
            this(productId, quantity, minQuantity, maxQuantity, taxRateId, null);
        }
    }

    public enum AfterPayment { MESSAGE, REDIRECT }
}
