package com.commercehub.quote;

/** A quote as its buyer reaches it through the link: the frozen version and where the quote stands now. */
public record BuyerQuote(long quoteId, int version, QuoteStatus status, QuoteContent content) {
}
