package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

/**
 * One line after calculation. {@code net} is after the line's own discount, {@code discountedNet}
 * after its share of the quote discount; {@code total} is what the buyer pays for the line
 * (exclusive tax added; inclusive tax is part of it and shown in {@code tax}).
 */
public record QuoteLineResult(Money gross, Money lineDiscount, Money net, Money quoteDiscountShare,
                              Money discountedNet, Money tax, boolean taxInclusive, Money total,
                              BillingFrequency frequency) {
}
