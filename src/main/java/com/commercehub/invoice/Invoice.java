package com.commercehub.invoice;

import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
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
 * The invoice aggregate. Header and lines change only while it is a draft; sending gives it its number and
 * buyer link; payments move it to partially paid or paid; the due-date job to overdue.
 */
@Table("invoice")
class Invoice {

    @Id
    private Long id;
    @Version
    private Long version;
    private String number;
    private String status;
    private Long deal;
    private Long contact;
    private Long company;
    private String buyerName;
    private String buyerEmail;
    private String locale;
    private String owner;
    private String currency;
    private LocalDate issueDate;
    private String paymentTerms;
    private LocalDate dueDate;
    private String discountKind;
    private BigDecimal discountValue;
    private boolean allowPartial;
    private String comments;
    private String footer;
    /** Kept with every change so that lists show amounts without pricing each invoice. */
    private BigDecimal total;
    private BigDecimal amountPaid = BigDecimal.ZERO;
    private String tokenHash;
    private String tokenSealed;
    private Instant sentAt;
    private Instant paidAt;
    private String voidReason;
    private Instant statusChangedAt;
    private boolean dueReminded;
    private boolean lateReminded;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    /** Status moves since the last save; the repository publishes them on save (Spring Data's domain events). */
    @Transient
    private final List<InvoiceStatusChanged> statusChanges = new ArrayList<>();
    @MappedCollection(idColumn = "invoice", keyColumn = "line_no")
    private List<InvoiceLine> lines = new ArrayList<>();

    static Invoice draft(InvoiceHeader header, List<LineItemDraft> lines, String actor, Instant now) {
        Invoice invoice = new Invoice();
        invoice.status = InvoiceStatus.DRAFT.name();
        invoice.owner = actor;
        invoice.createdBy = actor;
        invoice.createdAt = now;
        invoice.statusChangedAt = now;
        invoice.change(header, lines, now);
        return invoice;
    }

    void change(InvoiceHeader header, List<LineItemDraft> newLines, Instant now) {
        requireStatus(InvoiceStatus.DRAFT);
        deal = header.dealId();
        contact = header.contactId();
        company = header.companyId();
        buyerName = header.buyerName().strip();
        buyerEmail = header.buyerEmail().strip();
        locale = header.locale().toLanguageTag();
        currency = header.currency().getCurrencyCode();
        issueDate = header.issueDate();
        paymentTerms = header.terms().name();
        dueDate = header.terms().dueDate(header.issueDate(), header.dueDate());
        boolean discounted = header.discountKind() != null && header.discountValue() != null
                && header.discountValue().signum() > 0;
        discountKind = discounted ? header.discountKind().name() : null;
        discountValue = discounted ? header.discountValue() : null;
        allowPartial = header.allowPartialPayments();
        comments = blankToNull(header.comments());
        footer = blankToNull(header.footer());
        lines = new ArrayList<>(newLines.stream().map(InvoiceLine::of).toList());
        total = InvoicePricing.totals(this).oneTimeTotal().amount();
        updatedAt = now;
    }

    /** Sent: numbered, linked, open — issued today when the draft's issue date has passed. */
    void send(String assignedNumber, String hash, String sealed, LocalDate today, Instant now) {
        requireStatus(InvoiceStatus.DRAFT);
        number = assignedNumber;
        tokenHash = hash;
        tokenSealed = sealed;
        if (issueDate.isBefore(today)) {
            LocalDate chosenDue = dueDate;
            issueDate = today;
            dueDate = terms().dueDate(today, chosenDue.isBefore(today) ? today : chosenDue);
        }
        sentAt = now;
        moveTo(InvoiceStatus.OPEN, now);
        refreshStatus(today, now);
    }

    void voidWith(String reason, Instant now) {
        if (!status().collectible()) {
            throw new InvoiceTransitionException(status(), InvoiceStatus.VOID);
        }
        voidReason = reason;
        moveTo(InvoiceStatus.VOID, now);
    }

    void writeOff(Instant now) {
        if (!status().collectible()) {
            throw new InvoiceTransitionException(status(), InvoiceStatus.UNCOLLECTIBLE);
        }
        moveTo(InvoiceStatus.UNCOLLECTIBLE, now);
    }

    /**
     * The money received so far changed (a recorded payment): paid in full, partially, or — past the due
     * date — still overdue. A void or written-off invoice that gets paid after all becomes paid.
     */
    void paid(BigDecimal received, LocalDate today, Instant now) {
        amountPaid = received;
        if (status() == InvoiceStatus.DRAFT) {
            return;
        }
        if (received.compareTo(total) >= 0) {
            if (status() != InvoiceStatus.PAID) {
                paidAt = now;
                moveTo(InvoiceStatus.PAID, now);
            }
            return;
        }
        if (status().collectible()) {
            refreshStatus(today, now);
        }
        updatedAt = now;
    }

    /** Overdue once the due date lies before today; partially paid or open otherwise. */
    boolean refreshStatus(LocalDate today, Instant now) {
        if (!status().collectible()) {
            return false;
        }
        InvoiceStatus next = dueDate.isBefore(today) ? InvoiceStatus.OVERDUE
                : amountPaid.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
        if (next == status()) {
            return false;
        }
        moveTo(next, now);
        return true;
    }

    void remindedOnDueDate() {
        dueReminded = true;
    }

    void remindedLate() {
        lateReminded = true;
    }

    private void moveTo(InvoiceStatus next, Instant now) {
        status = next.name();
        statusChangedAt = now;
        updatedAt = now;
        if (id != null) {
            statusChanges.add(new InvoiceStatusChanged(id, next));
        }
    }

    @DomainEvents
    List<InvoiceStatusChanged> statusChanges() {
        return List.copyOf(statusChanges);
    }

    @AfterDomainEventPublication
    void statusChangesPublished() {
        statusChanges.clear();
    }

    private void requireStatus(InvoiceStatus required) {
        if (status() != required) {
            throw new InvoiceTransitionException(status(), required);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Long id() { return id; }
    long version() { return version; }
    String number() { return number; }
    InvoiceStatus status() { return InvoiceStatus.valueOf(status); }
    Long deal() { return deal; }
    Long contact() { return contact; }
    Long company() { return company; }
    String buyerName() { return buyerName; }
    String buyerEmail() { return buyerEmail; }
    Locale locale() { return Locale.forLanguageTag(locale); }
    String owner() { return owner; }
    Currency currency() { return Currency.getInstance(currency); }
    LocalDate issueDate() { return issueDate; }
    PaymentTerms terms() { return PaymentTerms.valueOf(paymentTerms); }
    LocalDate dueDate() { return dueDate; }
    DiscountKind discountKind() { return discountKind == null ? null : DiscountKind.valueOf(discountKind); }
    BigDecimal discountValue() { return discountValue; }
    boolean allowPartial() { return allowPartial; }
    String comments() { return comments; }
    String footer() { return footer; }
    BigDecimal total() { return total; }
    BigDecimal amountPaid() { return amountPaid; }
    String tokenSealed() { return tokenSealed; }
    Instant sentAt() { return sentAt; }
    Instant paidAt() { return paidAt; }
    String voidReason() { return voidReason; }
    boolean dueReminded() { return dueReminded; }
    boolean lateReminded() { return lateReminded; }
    List<LineItemDraft> lines() { return lines.stream().map(InvoiceLine::draft).toList(); }
}
