package com.commercehub.quote;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The quote's own fields as a sales rep edits them. {@code contactId} is the buyer, one of the deal's
 * contacts; {@code owner} a staff member's email.
 */
public record QuoteHeaderDraft(String title, LocalDate expiresOn, Locale locale, Long contactId, String owner,
                               String comments, String purchaseTerms) {
}
