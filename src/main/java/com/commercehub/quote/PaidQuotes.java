package com.commercehub.quote;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * For the feature that records payments from Stripe's events (no signed-in user): which quote, deal,
 * contact and company a paid version belongs to, and the quote's move to Paid.
 */
@Component
public class PaidQuotes {

    /** A paid version and what it belongs to; {@code content} is the frozen version that was charged. */
    public record Target(long quoteId, int version, long dealId, Long contactId, Long companyId, QuoteContent content) {
    }

    private final QuoteRepository quotes;
    private final QuoteVersions versions;
    private final QuoteLifecycle lifecycle;

    PaidQuotes(QuoteRepository quotes, QuoteVersions versions, QuoteLifecycle lifecycle) {
        this.quotes = quotes;
        this.versions = versions;
        this.lifecycle = lifecycle;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Target> target(long quoteId, int version) {
        return quotes.findById(quoteId).flatMap(quote -> versions.content(quoteId, version)
                .map(content -> new Target(quoteId, version, quote.dealId(), quote.contactId(), quote.companyId(), content)));
    }

    /**
     * The version was paid: the quote moves to Paid (once). False when it cannot any more — recalled or
     * replaced while the buyer was paying; the payment is recorded all the same and staff see both.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markPaid(long quoteId, int version) {
        // Checked here rather than caught: a refusal thrown inside the event's transaction would doom all of it.
        Quote quote = quotes.findById(quoteId).orElse(null);
        if (quote == null) {
            return false;
        }
        if (quote.status() == QuoteStatus.PAID) {
            return true;
        }
        boolean payable = quote.publishedVersion() == version && quote.status().canMoveTo(QuoteStatus.PAID)
                && (!quote.requireSignature() || quote.status() == QuoteStatus.SIGNED);
        if (payable) {
            lifecycle.recordPayment(quoteId, version);
        }
        return payable;
    }
}
