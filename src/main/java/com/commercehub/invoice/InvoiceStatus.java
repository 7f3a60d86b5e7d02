package com.commercehub.invoice;

import java.util.Locale;

/**
 * Where an invoice stands. Only a draft is edited; a sent invoice is open until paid, voided or written
 * off, and overdue once its due date has passed on the business calendar while money is still due.
 */
public enum InvoiceStatus {
    DRAFT, OPEN, PARTIALLY_PAID, OVERDUE, PAID, VOID, UNCOLLECTIBLE;

    /** Still waiting for money: these can be paid, reminded, voided or written off. */
    public boolean collectible() {
        return this == OPEN || this == PARTIALLY_PAID || this == OVERDUE;
    }

    public String messageKey() {
        return "invoice.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
