package com.commercehub.checkout;

import com.commercehub.base.money.Money;

import java.util.List;

/**
 * The amount a buyer chose to pay of an invoice cannot be charged; nothing was created at Stripe. The buyer page
 * shows {@link #messageKey()} next to the amount field, with {@link #amounts()} formatted in the buyer's language.
 */
public class PaymentAmountRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<Money> amounts;

    PaymentAmountRefusedException(String messageKey, Money... amounts) {
        super(messageKey);
        this.messageKey = messageKey;
        this.amounts = List.of(amounts);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Money> amounts() {
        return amounts;
    }
}
