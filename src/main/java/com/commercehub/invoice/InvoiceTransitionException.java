package com.commercehub.invoice;

/** The invoice is not in a status that allows the step (edit only a draft, void only an unpaid sent one…). */
public class InvoiceTransitionException extends RuntimeException {

    private final InvoiceStatus from;
    private final InvoiceStatus to;

    public InvoiceTransitionException(InvoiceStatus from, InvoiceStatus to) {
        super("An invoice cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public InvoiceStatus from() {
        return from;
    }

    public InvoiceStatus to() {
        return to;
    }
}
