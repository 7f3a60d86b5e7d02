package com.commercehub.payment;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;

/**
 * What Stripe's balance transaction says a charge brought in: gross, Stripe's fee and the net, in the
 * currency the account settles in; {@code exchangeRate} when the charge was converted (else null).
 */
public record Settlement(String balanceTransactionId, Money gross, Money fee, Money net, BigDecimal exchangeRate) {
}
