package com.commercehub.invoice;

/** The invoice behind a link cannot be paid now (paid already, voided, written off). */
public class InvoiceNotPayableException extends RuntimeException {

    public InvoiceNotPayableException(String message) {
        super(message);
    }
}
