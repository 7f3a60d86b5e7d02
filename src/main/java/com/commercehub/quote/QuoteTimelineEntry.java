package com.commercehub.quote;

import java.time.Instant;

/** One step on a quote's timeline: who did what to which version, when. */
public record QuoteTimelineEntry(int version, Kind kind, String actor, String detail, Instant at) {

    /** Every status a quote moves to, and the steps that are not a change of status. */
    public enum Kind {
        DRAFT, PUBLISHED, VIEWED, SIGNED, PAID, EXPIRED, RECALLED, COUNTERSIGNED, LINK_DISABLED;

        public String messageKey() {
            return "quote.timeline." + name().toLowerCase().replace('_', '-');
        }
    }
}
