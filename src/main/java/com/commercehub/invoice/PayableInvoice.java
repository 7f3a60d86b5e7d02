package com.commercehub.invoice;

import com.commercehub.base.money.Money;

import java.util.Locale;

/** What Checkout needs to collect an invoice's amount due, or part of it when {@code partialAllowed}. */
public record PayableInvoice(long invoiceId, String number, Money amountDue, String buyerName, String buyerEmail,
                             Locale locale, Long dealId, Long contactId, Long companyId, boolean partialAllowed) {
}
