package com.commercehub.quote;

/**
 * A published version the buyer may pay now, as checked on the server by {@link PayableQuotes}: the
 * frozen content to charge, and the contact it was published for (whose Stripe customer pays).
 */
public record PayableQuote(long quoteId, int version, long contactId, QuoteContent content) {
}
