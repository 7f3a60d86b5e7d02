package com.commercehub.invoice;

/** No invoice has this id. */
public class InvoiceNotFoundException extends RuntimeException {

    public InvoiceNotFoundException(long id) {
        super("No invoice " + id);
    }
}
