package com.commercehub.quote;

import com.commercehub.base.db.OwnTransactions;
import com.commercehub.base.secrets.Sha256;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.base.time.BusinessTimeMoved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a published quote outside the builder: the buyer opens, signs and pays it through
 * the link (no staff login: the link's token is the credential), and it expires after its date.
 * Each step goes through {@link QuoteStatus#canMoveTo}, is logged, and repeating it changes nothing.
 */
@Component
public class QuoteLifecycle {

    private final QuoteRepository quotes;
    private final QuoteVersions versions;
    private final QuoteSignatures signatures;
    private final BuyerQuotes views;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransactions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    QuoteLifecycle(QuoteRepository quotes, QuoteVersions versions, QuoteSignatures signatures, BuyerQuotes views,
                   ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate transactions,
                   BusinessCalendar calendar, Clock clock) {
        this.quotes = quotes;
        this.versions = versions;
        this.signatures = signatures;
        this.views = views;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        // Expiry may run right after another transaction committed (business time moved).
        this.ownTransactions = OwnTransactions.of(transactions);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The sandbox clock jumped: quotes whose date passed meanwhile expire now, not at the next run. */
    @TransactionalEventListener(fallbackExecution = true)
    void onBusinessTimeMoved(BusinessTimeMoved moved) {
        expireDue();
    }

    /**
     * The buyer opens a version's link: its frozen content and where the quote stands now (also when
     * it was recalled, replaced or expired — the page says so). An overdue quote expires on the spot.
     * {@code countAsView} is false for staff and link-preview bots: only a buyer's first look at the
     * current version moves the quote to viewed and tells the owner.
     */
    public Optional<BuyerQuote> openByBuyer(String token, boolean countAsView) {
        if (!BuyerLinks.wellFormed(token)) {
            return Optional.empty();
        }
        return transactions.execute(tx -> versions.byToken(token).map(found -> {
            Quote quote = quotes.findById(found.quoteId()).orElseThrow();
            expireIfDue(quote);
            boolean current = found.versionNo() == quote.publishedVersion();
            if (firstCountedView(countAsView, current, quote.status())) {
                move(quote, QuoteStatus.VIEWED, "buyer");
                events.publishEvent(new QuoteViewed(quote.id(), found.versionNo(), found.content(), clock.instant()));
            }
            return views.of(quote, found.versionNo(), found.content());
        }));
    }

    /**
     * The {@link BuyerQuote.Revision} {@link #openByBuyer} would read now, in one statement and no transaction, so
     * a page rendered from an earlier open with an equal revision can be shown again as it is. Empty when the link
     * finds nothing, or when opening it would change the quote — the buyer's first counted look at the current
     * version, or an open quote past its date — so {@link #openByBuyer} must run.
     */
    public Optional<BuyerQuote.Revision> revisionForBuyer(String token, boolean countAsView) {
        if (!BuyerLinks.wellFormed(token)) {
            return Optional.empty();
        }
        LocalDate today = today();
        return jdbc.sql("""
                        SELECT v.quote, v.version_no, q.version, q.status, q.published_version, q.collect_payment,
                               q.expires_on,
                               (SELECT COUNT(*) FROM quote_signature s
                                WHERE s.quote = v.quote AND s.version_no = v.version_no) AS signatures
                        FROM quote_version v JOIN quote q ON q.id = v.quote
                        WHERE v.token_hash = :hash AND v.link_disabled_at IS NULL""")
                .param("hash", BuyerLinks.hash(token))
                .query((rs, n) -> {
                    QuoteStatus status = QuoteStatus.valueOf(rs.getString("status"));
                    int versionNo = rs.getInt("version_no");
                    boolean current = versionNo == rs.getInt("published_version");
                    boolean changes = firstCountedView(countAsView, current, status)
                            || dueToExpire(status, rs.getBoolean("collect_payment"),
                            rs.getDate("expires_on").toLocalDate(), today);
                    return changes ? Optional.<BuyerQuote.Revision>empty() : Optional.of(new BuyerQuote.Revision(
                            rs.getLong("quote"), versionNo, rs.getLong("version"), status,
                            rs.getInt("published_version"), rs.getInt("signatures")));
                })
                .optional().flatMap(revision -> revision);
    }

    /** Only a buyer's first look at the current version moves the quote to viewed. */
    private static boolean firstCountedView(boolean countAsView, boolean current, QuoteStatus status) {
        return countAsView && current && status == QuoteStatus.PUBLISHED;
    }

    /**
     * The buyer signs the version behind the link: only the current published version of a quote that
     * asks for a signature, before it expires; checked here, whatever the page showed when it was
     * loaded. A second submit records nothing new and answers as the first did.
     */
    public BuyerQuote signByBuyer(String token, BuyerSignatureInput input) {
        if (!BuyerLinks.wellFormed(token)) {
            throw new QuoteLinkNotFoundException();
        }
        return transactions.execute(tx -> {
            QuoteVersions.Found found = versions.byToken(token).orElseThrow(QuoteLinkNotFoundException::new);
            Quote quote = quotes.findById(found.quoteId()).orElseThrow();
            expireIfDue(quote);
            boolean current = found.versionNo() == quote.publishedVersion();
            if (current && signatures.of(quote.id(), found.versionNo()).stream()
                    .anyMatch(s -> s.role() == QuoteSignature.Role.BUYER)) {
                return views.of(quote, found.versionNo(), found.content());
            }
            if (!current || !quote.requireSignature() || !quote.status().canMoveTo(QuoteStatus.SIGNED)) {
                throw new QuoteTransitionException(current ? quote.status() : QuoteStatus.RECALLED, QuoteStatus.SIGNED);
            }
            SignatureRules.check(input);
            var now = clock.instant();
            String name = input.name().strip();
            QuoteSignature signature = new QuoteSignature(QuoteSignature.Role.BUYER, name, input.email().strip(), now,
                    clip(input.clientAddress(), 64), clip(input.userAgent(), 500),
                    input.typed() ? null : input.drawnPng(), Sha256.hex(found.contentJson()));
            if (signatures.recordOnce(quote.id(), found.versionNo(), signature)) {
                move(quote, QuoteStatus.SIGNED, name);
                events.publishEvent(new QuoteSigned(views.of(quote, found.versionNo(), found.content()), signature));
            }
            return views.of(quote, found.versionNo(), found.content());
        });
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Payment for a version arrived. A quote that asks for a signature must be signed first; a payment
     * already recorded is not recorded again.
     */
    public void recordPayment(long quoteId, int versionNo) {
        transactions.executeWithoutResult(tx -> {
            Quote quote = quotes.findById(quoteId).orElseThrow();
            if (quote.status() == QuoteStatus.PAID) {
                return;
            }
            if (quote.publishedVersion() != versionNo
                    || (quote.requireSignature() && quote.status() != QuoteStatus.SIGNED)) {
                throw new QuoteTransitionException(quote.status(), QuoteStatus.PAID);
            }
            move(quote, QuoteStatus.PAID, "buyer");
        });
    }

    /** The scheduled expiry, on one node at a time when several share the database (a second would repeat no-ops). */
    @Scheduled(fixedDelayString = "${hub.quotes.expiry-check:PT5M}", initialDelayString = "PT20S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "quote-expiry", lockAtMostFor = "PT4M")
    public void expireDueOnSchedule() {
        expireDue();
    }

    /** Expires every open quote past its date; each in its own transaction, so one conflict skips one quote. */
    public int expireDue() {
        List<Long> due = jdbc.sql("""
                        SELECT id FROM quote WHERE status IN ('PUBLISHED', 'VIEWED', 'SIGNED') AND expires_on < :today""")
                .param("today", Date.valueOf(today())).query(Long.class).list();
        int expired = 0;
        for (long id : due) {
            try {
                Boolean done = ownTransactions.execute(tx -> {
                    Quote quote = quotes.findById(id).orElseThrow();
                    return expireIfDue(quote);
                });
                expired += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // The buyer acted at the same moment; the next run looks again.
            }
        }
        return expired;
    }

    /** A signed quote that collects no payment is complete: it does not expire. */
    private boolean expireIfDue(Quote quote) {
        if (dueToExpire(quote.status(), quote.collectPayment(), quote.expiresOn(), today())) {
            move(quote, QuoteStatus.EXPIRED, null);
            return true;
        }
        return false;
    }

    private static boolean dueToExpire(QuoteStatus status, boolean collectPayment, LocalDate expiresOn,
                                       LocalDate today) {
        boolean open = status == QuoteStatus.PUBLISHED || status == QuoteStatus.VIEWED
                || (status == QuoteStatus.SIGNED && collectPayment);
        return open && expiresOn.isBefore(today);
    }

    private void move(Quote quote, QuoteStatus next, String actor) {
        var now = clock.instant();
        quote.moveTo(next, now);
        Quote saved = quotes.save(quote);
        versions.log(saved.id(), saved.publishedVersion(), next, actor, now);
    }

    private LocalDate today() {
        return calendar.today();
    }
}
