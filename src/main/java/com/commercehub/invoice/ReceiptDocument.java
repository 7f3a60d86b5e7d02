package com.commercehub.invoice;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

/** A receipt as printed: its number, the day the money was received, the amount, how, and for what. */
public record ReceiptDocument(String number, LocalDate receivedOn, Money amount, String method, String forWhat,
                              String receiptUrl) {
}
