package com.commercehub.link;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DealStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A link as its edit form shows it: the fields of a {@link PaymentLinkDraft}, the items as the link holds them
 * (its own copies) and how many payments came through it (they stay as they are when the link changes).
 */
public record PaymentLinkDetails(long id, long version, String name, List<Item> items, boolean allowPromotionCodes,
                                 BigDecimal discountPercent, boolean billingAddressRequired, String shippingCountries,
                                 boolean phoneNumber, LocalDate expiresOn, boolean oneTime,
                                 PaymentLinkDraft.AfterPayment afterPayment, String thankYouMessage, String redirectUrl,
                                 DealStage dealStage, Locale language, long payments) {

    /** One of the link's items; its position is the {@link PaymentLinkDraft.Item#keptLine()} of an edit. */
    public record Item(long productId, String name, Money unitPrice, int quantity, Integer minQuantity,
                       Integer maxQuantity, Long taxRateId, String taxName) {
    }
}
