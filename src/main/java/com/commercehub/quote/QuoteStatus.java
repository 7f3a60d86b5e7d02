package com.commercehub.quote;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a quote stands. A draft (or a recalled quote) is edited; publishing freezes its content as
 * a new version with a buyer link; the buyer then views, signs and pays it, or it expires. Recalling
 * takes the link down and makes the quote editable again. Every change of status goes through
 * {@link #canMoveTo(QuoteStatus)}: the server refuses any other.
 */
public enum QuoteStatus {
    DRAFT, PUBLISHED, VIEWED, SIGNED, PAID, EXPIRED, RECALLED;

    private static final Map<QuoteStatus, Set<QuoteStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(VIEWED, SIGNED, PAID, EXPIRED, RECALLED),
            VIEWED, EnumSet.of(SIGNED, PAID, EXPIRED, RECALLED),
            // Signed but payment still due: it can still expire; the buyer's signature cannot be recalled.
            SIGNED, EnumSet.of(PAID, EXPIRED),
            PAID, EnumSet.noneOf(QuoteStatus.class),
            EXPIRED, EnumSet.of(RECALLED),
            RECALLED, EnumSet.of(PUBLISHED));

    public boolean canMoveTo(QuoteStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Content can be changed: never published, or recalled. */
    public boolean editable() {
        return this == DRAFT || this == RECALLED;
    }

    /** The buyer link of the current version works. */
    public boolean linkLive() {
        return this == PUBLISHED || this == VIEWED || this == SIGNED || this == PAID;
    }

    public String messageKey() {
        return "quote.status." + name().toLowerCase();
    }
}
