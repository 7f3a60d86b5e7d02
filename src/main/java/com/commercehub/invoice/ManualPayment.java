package com.commercehub.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received outside Stripe, as staff record it. */
public record ManualPayment(ManualPaymentMethod method, LocalDate date, BigDecimal amount, String reference) {
}
