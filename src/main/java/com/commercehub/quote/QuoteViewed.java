package com.commercehub.quote;

import java.time.Instant;

/** A buyer opened a version for the first time (staff and link-preview bots do not count). */
public record QuoteViewed(long quoteId, int version, QuoteContent content, Instant at) {
}
