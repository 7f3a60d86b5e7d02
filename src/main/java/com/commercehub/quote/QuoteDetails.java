package com.commercehub.quote;

import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.LineItemDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A quote as the builder shows it. {@code lines} carry each line's net; {@code totals} the full
 * pricing; {@code dealContacts} are the buyers to choose from; {@code payment} what stands between
 * the quote and collecting payment.
 */
public record QuoteDetails(long id, long version, String number, long dealId, String dealName, String title,
                           String owner, Currency currency, Long contactId, String companyName, Locale locale,
                           LocalDate expiresOn, String comments, String purchaseTerms, List<LineItemDetails> lines,
                           List<AdjustmentDraft> adjustments, QuoteTotals totals, boolean requireSignature,
                           String countersigner, boolean collectPayment, QuoteStatus status, int publishedVersion,
                           Instant publishedAt, List<ContactSummary> dealContacts, PaymentCheck payment) {

    public boolean editable() {
        return status.editable();
    }
}
