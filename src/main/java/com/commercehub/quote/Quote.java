package com.commercehub.quote;

import com.commercehub.crm.LineItemDraft;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A quote: the deal's line items as offered to a buyer, with quote-level discounts and fees, the
 * signature and payment step, and its place in the lifecycle. Content changes only while
 * {@link QuoteStatus#editable()}; every status change is checked by {@link QuoteStatus#canMoveTo}.
 */
@Table("quote")
class Quote {

    @Id
    private Long id;
    @Version
    private Long version;
    private String number;
    private Long deal;
    private String title;
    private String owner;
    private String currency;
    private Long contact;
    private Long company;
    private String locale;
    private LocalDate expiresOn;
    private String comments;
    private String purchaseTerms;
    private boolean requireSignature;
    private String countersigner;
    private boolean collectPayment;
    private String status;
    private int publishedVersion;
    private Instant publishedAt;
    private Instant statusChangedAt;
    /** Kept with every change so that lists show the amount due without pricing each quote. */
    private BigDecimal firstPayment;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "quote", keyColumn = "line_no")
    private List<QuoteLine> lines = new ArrayList<>();
    @MappedCollection(idColumn = "quote", keyColumn = "line_no")
    private List<QuoteAdjustment> adjustments = new ArrayList<>();

    record Origin(long dealId, String dealName, Currency currency, Long companyId, Long contactId, Locale locale,
                  List<LineItemDraft> lines) {
    }

    static Quote create(String number, Origin origin, String owner, LocalDate expiresOn, String purchaseTerms,
                        String actor, Instant now) {
        Quote quote = new Quote();
        quote.number = number;
        quote.deal = origin.dealId();
        quote.title = origin.dealName();
        quote.owner = owner;
        quote.currency = origin.currency().getCurrencyCode();
        quote.contact = origin.contactId();
        quote.company = origin.companyId();
        quote.locale = origin.locale().toLanguageTag();
        quote.expiresOn = expiresOn;
        quote.purchaseTerms = purchaseTerms;
        quote.status = QuoteStatus.DRAFT.name();
        quote.statusChangedAt = now;
        quote.createdBy = actor;
        quote.createdAt = now;
        origin.lines().forEach(line -> quote.lines.add(QuoteLine.of(line)));
        quote.changed(now);
        return quote;
    }

    /** A new draft with this quote's content, under a new number. */
    Quote duplicate(String newNumber, LocalDate newExpiry, String actor, Instant now) {
        Quote copy = new Quote();
        copy.number = newNumber;
        copy.deal = deal;
        copy.title = title;
        copy.owner = owner;
        copy.currency = currency;
        copy.contact = contact;
        copy.company = company;
        copy.locale = locale;
        copy.expiresOn = newExpiry;
        copy.comments = comments;
        copy.purchaseTerms = purchaseTerms;
        copy.requireSignature = requireSignature;
        copy.countersigner = countersigner;
        copy.collectPayment = collectPayment;
        copy.status = QuoteStatus.DRAFT.name();
        copy.statusChangedAt = now;
        copy.createdBy = actor;
        copy.createdAt = now;
        lines.forEach(line -> copy.lines.add(QuoteLine.of(line.draft())));
        adjustments.forEach(adjustment -> copy.adjustments.add(QuoteAdjustment.of(adjustment.draft())));
        copy.changed(now);
        return copy;
    }

    void applyHeader(QuoteHeaderDraft header, Instant now) {
        requireEditable();
        title = header.title().strip();
        expiresOn = header.expiresOn();
        locale = header.locale().toLanguageTag();
        contact = header.contactId();
        owner = header.owner();
        comments = blankToNull(header.comments());
        purchaseTerms = blankToNull(header.purchaseTerms());
        changed(now);
    }

    void addLine(LineItemDraft line, Instant now) {
        requireEditable();
        lines.add(QuoteLine.of(line));
        changed(now);
    }

    void replaceLine(int index, LineItemDraft line, Instant now) {
        requireEditable();
        lines.set(index, QuoteLine.of(line));
        changed(now);
    }

    void moveLine(int index, int target, Instant now) {
        requireEditable();
        lines.add(target, lines.remove(index));
        changed(now);
    }

    void removeLine(int index, Instant now) {
        requireEditable();
        lines.remove(index);
        changed(now);
    }

    void addAdjustment(AdjustmentDraft adjustment, Instant now) {
        requireEditable();
        adjustments.add(QuoteAdjustment.of(adjustment));
        changed(now);
    }

    void removeAdjustment(int index, Instant now) {
        requireEditable();
        adjustments.remove(index);
        changed(now);
    }

    void setSignature(boolean required, String countersignedBy, Instant now) {
        requireEditable();
        requireSignature = required;
        countersigner = required ? countersignedBy : null;
        changed(now);
    }

    void setCollectPayment(boolean collect, Instant now) {
        requireEditable();
        collectPayment = collect;
        changed(now);
    }

    /** Publishes the current content as the next version; the caller stores the frozen copy. */
    int publish(Instant now) {
        moveTo(QuoteStatus.PUBLISHED, now);
        publishedVersion++;
        publishedAt = now;
        return publishedVersion;
    }

    void moveTo(QuoteStatus next, Instant now) {
        QuoteStatus current = status();
        if (!current.canMoveTo(next)) {
            throw new QuoteTransitionException(current, next);
        }
        status = next.name();
        statusChangedAt = now;
        updatedAt = now;
    }

    private void requireEditable() {
        if (!status().editable()) {
            throw QuoteTransitionException.frozen(status());
        }
    }

    /** Keeps the stored amount due in step with the content. */
    private void changed(Instant now) {
        firstPayment = totals().firstPayment().amount();
        updatedAt = now;
    }

    QuoteTotals totals() {
        return QuoteContent.price(currency(), lineDrafts(), adjustmentDrafts());
    }

    List<LineItemDraft> lineDrafts() {
        return lines.stream().map(QuoteLine::draft).toList();
    }

    List<AdjustmentDraft> adjustmentDrafts() {
        return adjustments.stream().map(QuoteAdjustment::draft).toList();
    }

    int lineCount() {
        return lines.size();
    }

    int adjustmentCount() {
        return adjustments.size();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    String number() {
        return number;
    }

    long dealId() {
        return deal;
    }

    String title() {
        return title;
    }

    String owner() {
        return owner;
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }

    Long contactId() {
        return contact;
    }

    Long companyId() {
        return company;
    }

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    String comments() {
        return comments;
    }

    String purchaseTerms() {
        return purchaseTerms;
    }

    boolean requireSignature() {
        return requireSignature;
    }

    String countersigner() {
        return countersigner;
    }

    boolean collectPayment() {
        return collectPayment;
    }

    QuoteStatus status() {
        return QuoteStatus.valueOf(status);
    }

    int publishedVersion() {
        return publishedVersion;
    }

    Instant publishedAt() {
        return publishedAt;
    }
}
