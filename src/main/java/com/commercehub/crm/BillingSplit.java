package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line amounts kept apart by how they bill: one-time money and each recurring frequency's amount per
 * period are never added into one figure, except as the first payment (one-time plus one period of each).
 */
public record BillingSplit(Money oneTime, Map<BillingFrequency, Money> recurring) {

    public BillingSplit {
        recurring = Collections.unmodifiableMap(new LinkedHashMap<>(recurring));
    }

    public static BillingSplit of(Currency currency, List<LineItemDetails> lines) {
        BillingSplit split = new BillingSplit(Money.zero(currency), Map.of());
        for (LineItemDetails line : lines) {
            split = split.plus(line.frequency(), line.net());
        }
        return split;
    }

    /** This split with {@code amount} added to one-time money ({@code frequency} null) or to its frequency. */
    public BillingSplit plus(BillingFrequency frequency, Money amount) {
        if (frequency == null) {
            return new BillingSplit(oneTime.plus(amount), recurring);
        }
        Map<BillingFrequency, Money> sums = new LinkedHashMap<>(recurring);
        sums.merge(frequency, amount, Money::plus);
        return new BillingSplit(oneTime, sums);
    }

    public Money firstPayment() {
        return recurring.values().stream().reduce(oneTime, Money::plus);
    }
}
