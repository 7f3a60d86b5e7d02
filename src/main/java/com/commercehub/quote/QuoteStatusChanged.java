package com.commercehub.quote;

import java.time.Instant;

/**
 * A quote moved to {@code status} (published, viewed, signed, paid, expired, recalled…), published inside the
 * transaction that moved it, for features that react to quotes (automation). Listeners only write rows.
 */
public record QuoteStatusChanged(long quoteId, int version, QuoteStatus status, Instant at) {
}
