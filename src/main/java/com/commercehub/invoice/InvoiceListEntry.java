package com.commercehub.invoice;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

/** A row of the invoice list; {@code number} is null for drafts. */
public record InvoiceListEntry(long id, String number, InvoiceStatus status, String buyerName, LocalDate issueDate,
                               LocalDate dueDate, Money total, Money amountDue) {
}
