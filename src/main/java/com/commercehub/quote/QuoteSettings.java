package com.commercehub.quote;

/** Numbering and defaults of new quotes; {@code defaultTerms} may be null. */
public record QuoteSettings(long version, String numberPrefix, long nextNumber, int expiryDays, String defaultTerms) {
}
