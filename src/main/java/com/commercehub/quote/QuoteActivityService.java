package com.commercehub.quote;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.StaffMember;
import com.commercehub.base.security.UserService;
import com.commercehub.base.secrets.Sha256;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a published quote, for staff: its timeline, the versions as the buyer sees them
 * (preview and PDF), the countersignature, and switching a leaked link off for good.
 */
@Service
public class QuoteActivityService {

    /** Where staff find a published version as the buyer sees it (preview) and its PDF. */
    public static final String DOCUMENTS_PATH = "/staff/quotes/{id}/versions/{version}";

    public static String documentsPath(long quoteId, int versionNo) {
        return "/staff/quotes/" + quoteId + "/versions/" + versionNo;
    }

    /** Where staff see a draft as its buyer will once it is published (the review step before publishing). */
    public static final String DRAFT_PREVIEW_PATH = "/staff/quotes/{id}/draft/preview";

    public static String draftPreviewPath(long quoteId) {
        return "/staff/quotes/" + quoteId + "/draft/preview";
    }

    private final QuoteRepository quotes;
    private final QuoteVersions versions;
    private final QuoteSignatures signatures;
    private final BuyerQuotes views;
    private final UserService users;
    private final Clock clock;

    QuoteActivityService(QuoteRepository quotes, QuoteVersions versions, QuoteSignatures signatures, BuyerQuotes views,
                         UserService users, Clock clock) {
        this.quotes = quotes;
        this.versions = versions;
        this.signatures = signatures;
        this.views = views;
        this.users = users;
        this.clock = clock;
    }

    /** Everything that happened to the quote, oldest first: published, viewed, signed, countersigned, paid… */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<QuoteTimelineEntry> timeline(long quoteId) {
        find(quoteId);
        return versions.timeline(quoteId);
    }

    /** A published version as its buyer sees it (with signatures), for the builder's preview and PDF. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Optional<BuyerQuote> version(long quoteId, int versionNo) {
        Quote quote = find(quoteId);
        return versions.content(quoteId, versionNo).map(content -> views.of(quote, versionNo, content));
    }

    /**
     * The named countersigner signs the current version after the buyer did. Only that staff member
     * may; once is enough (a repeat changes nothing).
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public BuyerQuote countersign(long quoteId, long expectedVersion, String clientAddress, String userAgent) {
        Quote quote = find(quoteId);
        if (quote.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("quote " + quoteId + " changed");
        }
        String me = Actors.current();
        if (quote.countersigner() == null || !quote.countersigner().equalsIgnoreCase(me)) {
            throw new AccessDeniedException("only the named countersigner may countersign");
        }
        int versionNo = quote.publishedVersion();
        List<QuoteSignature> present = signatures.of(quoteId, versionNo);
        boolean buyerSigned = present.stream().anyMatch(s -> s.role() == QuoteSignature.Role.BUYER);
        boolean open = quote.status() == QuoteStatus.SIGNED || quote.status() == QuoteStatus.PAID;
        if (!buyerSigned || !open) {
            throw new QuoteTransitionException(quote.status(), QuoteStatus.SIGNED);
        }
        String json = versions.contentJson(quoteId, versionNo).orElseThrow();
        String name = users.activeStaff().stream().filter(s -> s.email().equalsIgnoreCase(me))
                .map(StaffMember::displayName).findFirst().orElse(me);
        var now = clock.instant();
        QuoteSignature signature = new QuoteSignature(QuoteSignature.Role.COUNTERSIGNER, name, me, now,
                clientAddress, userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500),
                null, Sha256.hex(json));
        if (signatures.recordOnce(quoteId, versionNo, signature)) {
            versions.log(quoteId, versionNo, QuoteTimelineEntry.Kind.COUNTERSIGNED, me, null, now);
        }
        return views.of(quote, versionNo, versions.content(quoteId, versionNo).orElseThrow());
    }

    /**
     * Switches every link of the quote off for good (a link went to the wrong person): they then
     * answer like links that never existed. A live quote is recalled first; it can be published again
     * with a new link.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void disableLinks(long quoteId, long expectedVersion) {
        Quote quote = find(quoteId);
        if (quote.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("quote " + quoteId + " changed");
        }
        var now = clock.instant();
        if (quote.status().canMoveTo(QuoteStatus.RECALLED)) {
            quote.moveTo(QuoteStatus.RECALLED, now);
            quotes.save(quote);
            versions.revokeAll(quoteId, now);
            versions.log(quoteId, quote.publishedVersion(), QuoteStatus.RECALLED, Actors.current(), now);
        } else if (!quote.status().editable()) {
            throw new QuoteTransitionException(quote.status(), QuoteStatus.RECALLED);
        }
        versions.disableLinks(quoteId, now);
        versions.log(quoteId, quote.publishedVersion(), QuoteTimelineEntry.Kind.LINK_DISABLED, Actors.current(), null,
                now);
    }

    private Quote find(long id) {
        return quotes.findById(id).orElseThrow(() -> new QuoteNotFoundException(id));
    }
}
