package com.commercehub.automation;

import com.commercehub.crm.DealStage;

import java.math.BigDecimal;
import java.util.Currency;

/** Optional filters on the record; every one set must hold. Amounts compare in the record's own currency. */
public record Conditions(BigDecimal minAmount, BigDecimal maxAmount, Currency currency, Long productId,
                         String owner, DealStage dealStage) {

    public static final Conditions NONE = new Conditions(null, null, null, null, null, null);

    public boolean matches(RecordSnapshot record) {
        if (minAmount != null && (record.amount() == null || record.amount().amount().compareTo(minAmount) < 0)) {
            return false;
        }
        if (maxAmount != null && (record.amount() == null || record.amount().amount().compareTo(maxAmount) > 0)) {
            return false;
        }
        if (currency != null && (record.amount() == null || !record.amount().currency().equals(currency))) {
            return false;
        }
        if (productId != null && !record.productIds().contains(productId)) {
            return false;
        }
        if (owner != null && !owner.equalsIgnoreCase(record.ownerEmail())) {
            return false;
        }
        return dealStage == null || dealStage.name().equals(record.dealStage());
    }
}
