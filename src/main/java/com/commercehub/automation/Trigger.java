package com.commercehub.automation;

import java.util.Locale;

/**
 * What starts a workflow. Each trigger enrols one kind of record; {@link #INVOICE_SENT} and
 * {@link #INVOICE_OVERDUE} become available when a {@link RecordSource} for invoices exists and the invoice
 * feature calls {@link AutomationTriggers#fire}.
 */
public enum Trigger {
    PAYMENT_SUCCEEDED(RecordType.PAYMENT, false),
    PAYMENT_FAILED(RecordType.PAYMENT, false),
    PAYMENT_REFUNDED(RecordType.PAYMENT, false),
    QUOTE_PUBLISHED(RecordType.QUOTE, true),
    QUOTE_VIEWED(RecordType.QUOTE, true),
    QUOTE_SIGNED(RecordType.QUOTE, true),
    QUOTE_PAID(RecordType.QUOTE, true),
    /** Enrols a quote when it is published; its steps are timed against the expiry date ("3 days before"). */
    QUOTE_EXPIRING(RecordType.QUOTE, true),
    INVOICE_SENT(RecordType.INVOICE, true),
    INVOICE_OVERDUE(RecordType.INVOICE, true),
    SUBSCRIPTION_CREATED(RecordType.SUBSCRIPTION, false),
    SUBSCRIPTION_PAST_DUE(RecordType.SUBSCRIPTION, false),
    SUBSCRIPTION_CANCELED(RecordType.SUBSCRIPTION, false);

    private final RecordType recordType;
    private final boolean hasDate;

    Trigger(RecordType recordType, boolean hasDate) {
        this.recordType = recordType;
        this.hasDate = hasDate;
    }

    public RecordType recordType() {
        return recordType;
    }

    /** The record carries a date steps may be timed against (a quote's expiry, an invoice's due date). */
    public boolean hasDate() {
        return hasDate;
    }

    public String messageKey() {
        return "automation.trigger." + name();
    }

    /** The outbound webhook's event type, e.g. {@code quote.expiring}. */
    public String eventType() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
