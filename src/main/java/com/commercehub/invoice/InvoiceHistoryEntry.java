package com.commercehub.invoice;

import java.time.Instant;

/** One line of an invoice's history: sent or resent, to whom, by whom. */
public record InvoiceHistoryEntry(Instant at, Kind kind, String recipient, String actor) {

    public enum Kind { SENT, RESENT }
}
