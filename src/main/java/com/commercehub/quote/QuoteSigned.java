package com.commercehub.quote;

/** The buyer signed a version; published inside the signing transaction, with the quote as it now stands. */
public record QuoteSigned(BuyerQuote quote, QuoteSignature signature) {
}
