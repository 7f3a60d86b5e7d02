package com.commercehub.quote;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

/**
 * A row of the quotes list; {@code amount} is what is due at checkout (the first payment), and
 * {@code version} the row version the list showed, which its quick actions carry (stale-edit check).
 */
public record QuoteListEntry(long id, long version, String number, String title, long dealId, String dealName, String owner,
                             QuoteStatus status, int publishedVersion, LocalDate expiresOn, Money amount) {
}
