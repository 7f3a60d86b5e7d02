package com.commercehub.quote;

/**
 * What the quotes list shows; every part is optional. {@code expiringWithinDays} keeps quotes that
 * are still open to the buyer and expire within that many days from today.
 */
public record QuoteFilter(String search, QuoteStatus status, String owner, Long dealId, Integer expiringWithinDays) {
}
