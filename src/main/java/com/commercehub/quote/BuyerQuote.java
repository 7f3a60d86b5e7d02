package com.commercehub.quote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A quote as its buyer reaches it through a version's link: that version's frozen content, where the
 * quote stands now, the signatures on the version, and — when a newer version replaced it — the
 * current one. {@code paidAt} is set once the quote was paid. {@code revision} names the state this was read in
 * (null for a staff preview of a draft).
 */
public record BuyerQuote(long quoteId, int version, QuoteStatus status, QuoteContent content, boolean current,
                         CurrentVersion currentVersion, List<QuoteSignature> signatures, Instant paidAt,
                         Revision revision) {

    /**
     * Everything a version's buyer page shows that can change after publishing, as a value: the quote's row version
     * (bumped by every save: a change of status, a new published version, a recall, a payment), with its status and
     * published version, and the number of signatures on the version (a countersignature changes no status). The
     * version's content never changes. Two reads with equal revisions show the same page; see
     * {@link QuoteLifecycle#revisionForBuyer}.
     */
    public record Revision(long quoteId, int versionNo, long quoteRowVersion, QuoteStatus status,
                           int publishedVersion, int signatures) {
    }

    /** The version that replaced this one; {@code linkPath} is absent while it is not open to buyers. */
    public record CurrentVersion(QuoteContent content, String linkPath) {
    }

    /** What the buyer's page shows. */
    public enum Standing { OPEN, SIGNED, PAID, EXPIRED, REVISING, REPLACED }

    public Standing standing() {
        if (!current) {
            return Standing.REPLACED;
        }
        return switch (status) {
            case PUBLISHED, VIEWED -> Standing.OPEN;
            case SIGNED -> Standing.SIGNED;
            case PAID -> Standing.PAID;
            case EXPIRED -> Standing.EXPIRED;
            case RECALLED, DRAFT -> Standing.REVISING;
        };
    }

    public Optional<QuoteSignature> signature(QuoteSignature.Role role) {
        return signatures.stream().filter(s -> s.role() == role).findFirst();
    }

    /** The buyer still has to sign before anything else can happen. */
    public boolean awaitsBuyerSignature() {
        Standing standing = standing();
        return content.requireSignature() && signature(QuoteSignature.Role.BUYER).isEmpty()
                && (standing == Standing.OPEN);
    }

    /** A countersigner was named and has not signed yet, though the buyer has. */
    public boolean awaitsCountersignature() {
        return content.countersigner() != null && signature(QuoteSignature.Role.BUYER).isPresent()
                && signature(QuoteSignature.Role.COUNTERSIGNER).isEmpty();
    }

    /** Payment is collected through this link and the quote is still open for it. */
    public boolean offersCheckout() {
        Standing standing = standing();
        return content.collectPayment() && (standing == Standing.OPEN || standing == Standing.SIGNED);
    }

    /** Check out can be pressed now (a required signature is there). */
    public boolean checkoutAllowed() {
        return offersCheckout() && !awaitsBuyerSignature();
    }
}
