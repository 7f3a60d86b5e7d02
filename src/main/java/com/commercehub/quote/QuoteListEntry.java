package com.commercehub.quote;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

/** A row of the quotes list; {@code amount} is what is due at checkout (the first payment). */
public record QuoteListEntry(long id, String number, String title, long dealId, String dealName, String owner,
                             QuoteStatus status, int publishedVersion, LocalDate expiresOn, Money amount) {
}
