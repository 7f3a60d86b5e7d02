package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.util.List;
import java.util.Map;

/**
 * What the buyer sees. {@code subtotal} is the lines after their own discounts; {@code quoteDiscount}
 * the quote-level discount; {@code taxAdded} the exclusive taxes and {@code taxIncluded} the
 * inclusive ones (already in the prices). {@code oneTimeTotal} holds one-time lines and fees,
 * {@code recurringTotals} each billing frequency's amount per period, and {@code firstPayment} what
 * is due at checkout: the one-time total plus the first period of every recurring line.
 */
public record QuoteTotals(List<QuoteLineResult> lines, Money subtotal, Money quoteDiscount, Money fees,
                          Money taxAdded, Money taxIncluded, Money oneTimeTotal,
                          Map<BillingFrequency, Money> recurringTotals, Money firstPayment) {
}
