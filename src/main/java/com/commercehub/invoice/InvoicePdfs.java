package com.commercehub.invoice;

/**
 * Port: the invoice's PDF as the buyer downloads it from the invoice page. The buyer pages own the template and
 * the renderer, and they depend on this package, so a resend asks through here for the attachment.
 */
public interface InvoicePdfs {

    /** The PDF's bytes, in the invoice's language. */
    byte[] render(InvoiceDetails invoice);

    /** The attachment's file name: the number, with anything but letters, digits, dot, dash and underscore made "_". */
    static String fileName(InvoiceDetails invoice) {
        return invoice.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }
}
