package com.commercehub.quote;

/**
 * Sends a published quote to its buyer by e-mail (link, optionally the PDF). A port: the buyer feature owns the
 * page and the PDF and implements it, so the builder can offer it without quote depending on buyer.
 */
public interface QuoteDelivery {

    /** The e-mail was stored in the outbox for {@code recipient}; a repeat for the same version stores nothing new. */
    record Sent(String recipient, long emailId) {
    }

    /**
     * @param linkAddress the buyer link as the staff member reaches it (used when no public address is set)
     * @throws IllegalStateException when the quote has no live link or its buyer no e-mail address
     */
    Sent sendToBuyer(long quoteId, boolean attachPdf, String linkAddress);
}
