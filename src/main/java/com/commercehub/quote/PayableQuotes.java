package com.commercehub.quote;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;

/**
 * The server's answer to "may this link be paid now?", asked before a checkout is started. The buyer
 * can have the page open for days: whatever it showed, this looks again at the quote as it stands.
 */
@Component
public class PayableQuotes {

    private record Link(long quoteId, int versionNo, Timestamp revokedAt) {
    }

    /** Either the quote to charge or why not: decided inside the transaction, thrown after it commits. */
    private record Answer(PayableQuote payable, QuoteNotPayableException.Reason refused) {
    }

    private final QuoteRepository quotes;
    private final QuoteLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PayableQuotes(QuoteRepository quotes, QuoteLifecycle lifecycle, JdbcClient jdbc, TransactionTemplate transactions) {
        this.quotes = quotes;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * The version behind the link, when it is the quote's current published version, not expired,
     * recalled, replaced or paid, collects payment, and is signed if it asks for a signature. Like
     * opening the link, this counts as a view, and an overdue quote expires on the spot.
     *
     * @throws QuoteNotPayableException with the reason, when the link cannot be paid now
     */
    public PayableQuote forCheckout(String token) {
        Answer answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = transactions.execute(tx -> check(token));
            } catch (OptimisticLockingFailureException viewedMeanwhile) {
                // Two tabs opening the quote at once both count it as viewed: look again.
                if (attempt == 3) {
                    throw viewedMeanwhile;
                }
            }
        }
        if (answer.refused() != null) {
            throw new QuoteNotPayableException(answer.refused());
        }
        return answer.payable();
    }

    private Answer check(String token) {
        // Revoked links too, to tell a recalled quote from a replaced version and from nonsense.
        Link link = jdbc.sql("SELECT quote, version_no, revoked_at FROM quote_version WHERE token_hash = :hash AND link_disabled_at IS NULL")
                .param("hash", BuyerLinks.hash(token == null ? "" : token))
                .query((rs, n) -> new Link(rs.getLong("quote"), rs.getInt("version_no"), rs.getTimestamp("revoked_at")))
                .optional().orElse(null);
        if (link == null) {
            return refused(QuoteNotPayableException.Reason.UNKNOWN_LINK);
        }
        if (link.revokedAt() != null) {
            Quote quote = quotes.findById(link.quoteId()).orElseThrow();
            return refused(quote.publishedVersion() > link.versionNo()
                    ? QuoteNotPayableException.Reason.REPLACED : QuoteNotPayableException.Reason.RECALLED);
        }
        BuyerQuote opened = lifecycle.openByBuyer(token, false).orElse(null);
        if (opened == null) {
            return refused(QuoteNotPayableException.Reason.UNKNOWN_LINK);
        }
        // Read after opening: opening may just have expired it.
        Quote quote = quotes.findById(link.quoteId()).orElseThrow();
        QuoteContent content = opened.content();
        QuoteNotPayableException.Reason reason = switch (quote.status()) {
            case PAID -> QuoteNotPayableException.Reason.ALREADY_PAID;
            case EXPIRED -> QuoteNotPayableException.Reason.EXPIRED;
            case RECALLED, DRAFT -> QuoteNotPayableException.Reason.RECALLED;
            case PUBLISHED, VIEWED, SIGNED -> null;
        };
        if (reason == null && quote.publishedVersion() != link.versionNo()) {
            reason = QuoteNotPayableException.Reason.REPLACED;
        }
        if (reason == null && !content.collectPayment()) {
            reason = QuoteNotPayableException.Reason.PAYMENT_OFF;
        }
        if (reason == null && content.requireSignature() && quote.status() != QuoteStatus.SIGNED) {
            reason = QuoteNotPayableException.Reason.SIGNATURE_REQUIRED;
        }
        if (reason == null && quote.contactId() == null) {
            // Publishing needs a buyer; a quote without one was never payable.
            reason = QuoteNotPayableException.Reason.UNKNOWN_LINK;
        }
        return reason != null ? refused(reason)
                : new Answer(new PayableQuote(quote.id(), link.versionNo(), quote.contactId(), content), null);
    }

    private static Answer refused(QuoteNotPayableException.Reason reason) {
        return new Answer(null, reason);
    }
}
