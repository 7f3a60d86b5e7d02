package com.commercehub.quote;

/** The buyer signed a version; published inside the signing transaction. */
public record QuoteSigned(long quoteId, int version, QuoteContent content, QuoteSignature signature) {
}
