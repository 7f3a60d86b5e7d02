package com.commercehub.invoice;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LibraryLines;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.LineItemRules;
import com.commercehub.mail.EmailAttachment;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Invoices as staff handle them: drafts made from a deal, a contact or company, or from scratch and edited
 * while drafts; sent (numbered, linked, e-mailed); paid by hand in full or in part; voided with a reason or
 * written off. Finance reads; sales and admins act.
 */
@Service
public class InvoiceService {

    static final int MAX_REASON = 500;
    static final int MAX_COMMENTS = 4000;
    static final int MAX_FOOTER = 2000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final java.util.regex.Pattern REQUEST_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final InvoiceLinks links;
    private final InvoiceMails mails;
    private final InvoiceBalance balance;
    private final DealService deals;
    private final LibraryLines libraryLines;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final InvoicePdfs pdfs;

    InvoiceService(InvoiceRepository invoices, InvoiceNumbers numbers, InvoiceLinks links, InvoiceMails mails,
                   InvoiceBalance balance, DealService deals, LibraryLines libraryLines, JdbcClient jdbc,
                   BusinessCalendar calendar, Clock clock, InvoicePdfs pdfs) {
        this.pdfs = pdfs;
        this.invoices = invoices;
        this.numbers = numbers;
        this.links = links;
        this.mails = mails;
        this.balance = balance;
        this.deals = deals;
        this.libraryLines = libraryLines;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * A new draft (no number yet: numbers are given when sending, so drafts thrown away leave no gaps).
     *
     * @throws CrmValidationException with a translation key per field in trouble; nothing is stored
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails createDraft(InvoiceHeader header, List<LineItemDraft> lines) {
        check(header, lines);
        return details(invoices.save(Invoice.draft(header, lines, Actors.current(), clock.instant())));
    }

    /** A draft billing the deal: its lines, company and first contact, in the contact's language, due on receipt. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails createFromDeal(long dealId) {
        DealDetails deal = deals.get(dealId);
        if (deal.lines().isEmpty()) {
            throw new CrmValidationException(Map.of("deal", "invoice.deal.no-lines"));
        }
        ContactSummary buyer = deal.contacts().isEmpty() ? null : deal.contacts().getFirst();
        if (buyer == null) {
            throw new CrmValidationException(Map.of("deal", "invoice.deal.no-contact"));
        }
        Locale locale = buyer.preferredLocale() == null ? Locale.ENGLISH : Messages.supported(buyer.preferredLocale());
        InvoiceHeader header = new InvoiceHeader(deal.id(), buyer.id(), deal.company() == null ? null : deal.company().id(),
                deal.company() == null ? buyer.fullName() : deal.company().name(), buyer.email(), locale,
                deal.currency(), calendar.today(), PaymentTerms.DUE_ON_RECEIPT, null, null, null, false, null, null);
        List<LineItemDraft> lines = deal.lines().stream().map(LineItemDetails::toDraft).toList();
        return createDraft(header, lines);
    }

    /** A library product as an invoice line (name, price and tax copied). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public LineItemDraft libraryLine(long productId, BigDecimal quantity, Currency currency) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new CrmValidationException(Map.of("quantity", "crm.line.quantity-positive"));
        }
        return libraryLines.copy(productId, quantity, currency);
    }

    /** Replaces a draft's header and lines. @throws InvoiceTransitionException once it has been sent */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails updateDraft(long id, long expectedVersion, InvoiceHeader header, List<LineItemDraft> lines) {
        Invoice invoice = load(id, expectedVersion);
        if (invoice.status() != InvoiceStatus.DRAFT) {
            throw new InvoiceTransitionException(invoice.status(), InvoiceStatus.DRAFT);
        }
        check(header, lines);
        invoice.change(header, lines, clock.instant());
        return details(invoices.save(invoice));
    }

    /**
     * Sends the draft: it takes the next number of the sequence, gets its buyer link and is e-mailed to the
     * buyer — all in one transaction, so a failure leaves a draft and no number used.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails send(long id, long expectedVersion) {
        Invoice invoice = load(id, expectedVersion);
        if (invoice.status() != InvoiceStatus.DRAFT) {
            throw new InvoiceTransitionException(invoice.status(), InvoiceStatus.OPEN);
        }
        if (invoice.lines().isEmpty() || invoice.total().signum() <= 0) {
            throw new CrmValidationException(Map.of("lines", "invoice.lines.nothing-to-pay"));
        }
        InvoiceLinks.Issued link = links.issue();
        invoice.send(numbers.nextInvoiceNumber(), link.hash(), link.sealed(), calendar.today(), clock.instant());
        Invoice saved = invoices.save(invoice);
        mails.enqueue(saved, link.token(), InvoiceMails.Kind.SENT);
        remember(saved.id(), InvoiceHistoryEntry.Kind.SENT, saved.buyerEmail(), null);
        return details(saved);
    }

    /**
     * E-mails a sent invoice again — same wording and link (the token stays valid), with the PDF — to the buyer or
     * to {@code recipient} when given, and notes it in the history. Only while money is still expected (open,
     * partially paid, overdue). {@code requestKey} names one request of the staff member (the dialog makes it):
     * the same key again sends and records nothing new, so a double click mails once; a new request mails again.
     *
     * @throws CrmValidationException     ({@code recipient}) when the other address is not an e-mail address
     * @throws InvoiceTransitionException when the invoice is a draft, paid, void or written off
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails resend(long id, String recipient, String requestKey) {
        if (requestKey == null || !REQUEST_KEY.matcher(requestKey).matches()) {
            throw new IllegalArgumentException("a resend needs its request key");
        }
        Invoice invoice = invoices.findById(id).orElseThrow(() -> new InvoiceNotFoundException(id));
        if (!invoice.status().collectible()) {
            throw new InvoiceTransitionException(invoice.status(), invoice.status());
        }
        String to = recipient == null || recipient.isBlank() ? invoice.buyerEmail() : recipient.strip();
        if (!isAddress(to)) {
            throw new CrmValidationException(Map.of("recipient", "inv13.invoice.resend.recipient-invalid"));
        }
        if (remember(id, InvoiceHistoryEntry.Kind.RESENT, to, requestKey)) {
            InvoiceDetails shown = details(invoice);
            mails.enqueueResend(invoice, links.reveal(invoice.tokenSealed()), to, requestKey,
                    EmailAttachment.pdf(InvoicePdfs.fileName(shown), pdfs.render(shown)));
        }
        return details(invoice);
    }

    /** What was sent to whom and by whom, oldest first. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<InvoiceHistoryEntry> history(long id) {
        return jdbc.sql("SELECT created_at, kind, recipient, actor FROM invoice_event WHERE invoice = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new InvoiceHistoryEntry(rs.getTimestamp("created_at").toInstant(),
                        InvoiceHistoryEntry.Kind.valueOf(rs.getString("kind")), rs.getString("recipient"),
                        rs.getString("actor"))).list();
    }

    /** A history line; false when this request was recorded before (the unique request key says so). */
    private boolean remember(long invoiceId, InvoiceHistoryEntry.Kind kind, String recipient, String requestKey) {
        return jdbc.sql("""
                        INSERT IGNORE INTO invoice_event (invoice, kind, recipient, actor, request_key, created_at)
                        VALUES (:invoice, :kind, :recipient, :actor, :key, :now)""")
                .param("invoice", invoiceId).param("kind", kind.name()).param("recipient", recipient)
                .param("actor", Actors.current()).param("key", requestKey)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** Voids a sent, unpaid invoice; the reason is kept and shown. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails voidInvoice(long id, long expectedVersion, String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > MAX_REASON) {
            throw new CrmValidationException(Map.of("reason", "invoice.void.reason-required"));
        }
        Invoice invoice = load(id, expectedVersion);
        invoice.voidWith(clean, clock.instant());
        return details(invoices.save(invoice));
    }

    /** Writes a sent, unpaid invoice off as uncollectible. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public InvoiceDetails markUncollectible(long id, long expectedVersion) {
        Invoice invoice = load(id, expectedVersion);
        invoice.writeOff(clock.instant());
        return details(invoices.save(invoice));
    }

    /**
     * Records money received outside Stripe. Without partial payments allowed, only the whole amount due
     * is accepted; never more than is due.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public InvoiceDetails recordManualPayment(long id, long expectedVersion, ManualPayment payment) {
        Invoice invoice = load(id, expectedVersion);
        if (!invoice.status().collectible()) {
            throw new InvoiceTransitionException(invoice.status(), InvoiceStatus.PAID);
        }
        Map<String, String> problems = new HashMap<>();
        BigDecimal due = invoice.total().subtract(invoice.amountPaid());
        if (payment.method() == null) {
            problems.put("method", "invoice.payment.method-required");
        }
        if (payment.date() == null || payment.date().isAfter(calendar.today())) {
            problems.put("date", "invoice.payment.date-invalid");
        }
        if (payment.amount() == null || payment.amount().signum() <= 0) {
            problems.put("amount", "invoice.payment.amount-positive");
        } else if (!new Money(payment.amount(), invoice.currency()).hasCurrencyPrecision()) {
            problems.put("amount", "crm.line.price-decimals");
        } else if (payment.amount().compareTo(due) > 0) {
            problems.put("amount", "invoice.payment.more-than-due");
        } else if (!invoice.allowPartial() && payment.amount().compareTo(due) != 0) {
            problems.put("amount", "invoice.payment.partial-not-allowed");
        }
        String reference = payment.reference() == null || payment.reference().isBlank() ? null : payment.reference().strip();
        if (reference != null && reference.length() > 255) {
            problems.put("reference", "invoice.payment.reference-long");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
        jdbc.sql("""
                        INSERT INTO invoice_manual_payment (invoice, method, paid_on, amount, reference, recorded_by, created_at)
                        VALUES (:invoice, :method, :date, :amount, :reference, :actor, :now)""")
                .param("invoice", id).param("method", payment.method().name()).param("date", Date.valueOf(payment.date()))
                .param("amount", payment.amount()).param("reference", reference).param("actor", Actors.current())
                .param("now", Timestamp.from(clock.instant())).update();
        return details(balance.refresh(id));
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public InvoiceDetails get(long id) {
        return details(invoices.findById(id).orElseThrow(() -> new InvoiceNotFoundException(id)));
    }

    /** The buyer page's address of a sent invoice; empty for a draft. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Optional<String> buyerPath(long id) {
        Invoice invoice = invoices.findById(id).orElseThrow(() -> new InvoiceNotFoundException(id));
        return Optional.ofNullable(invoice.tokenSealed()).map(sealed -> InvoiceLinks.PATH + links.reveal(sealed));
    }

    /** One page of the list, newest change first; {@code search} matches number or buyer, {@code status} may be null. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<InvoiceListEntry> page(String search, InvoiceStatus status, Pageable page) {
        return jdbc.sql("""
                        SELECT id, number, status, buyer_name, issue_date, due_date, currency, total, amount_paid
                        FROM invoice""" + where(search, status) + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(filterParams(search, status)).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> listEntry(rs)).list();
    }

    /** How many days after the due date the second ("still unpaid") reminder goes out. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int reminderDaysAfter() {
        return jdbc.sql("SELECT reminder_days_after FROM invoice_settings WHERE id = 1").query(Integer.class).single();
    }

    /** @throws CrmValidationException ({@code reminderDays}) unless 1 to 90 days */
    @Transactional
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int changeReminderDaysAfter(Integer days) {
        if (days == null || days < 1 || days > 90) {
            throw new CrmValidationException(Map.of("reminderDays", "finish13.invoice.reminder-days.range"));
        }
        jdbc.sql("UPDATE invoice_settings SET reminder_days_after = :days, version = version + 1 WHERE id = 1")
                .param("days", days).update();
        return days;
    }

    /** The deal's invoices, newest first, for the deal page. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<InvoiceListEntry> ofDeal(long dealId) {
        return jdbc.sql("""
                        SELECT id, number, status, buyer_name, issue_date, due_date, currency, total, amount_paid
                        FROM invoice WHERE deal = :deal ORDER BY id DESC LIMIT 100""")
                .param("deal", dealId).query((rs, n) -> listEntry(rs)).list();
    }

    /** The columns {@code id, number, status, buyer_name, issue_date, due_date, currency, total, amount_paid} as a list row. */
    static InvoiceListEntry listEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        BigDecimal total = rs.getBigDecimal("total");
        return new InvoiceListEntry(rs.getLong("id"), rs.getString("number"),
                InvoiceStatus.valueOf(rs.getString("status")), rs.getString("buyer_name"),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                money(total, currency), money(total.subtract(rs.getBigDecimal("amount_paid")), currency));
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(String search, InvoiceStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM invoice" + where(search, status)).params(filterParams(search, status))
                .query(Integer.class).single();
    }

    private static String where(String search, InvoiceStatus status) {
        List<String> conditions = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            conditions.add("(number LIKE :search ESCAPE '!' OR buyer_name LIKE :search ESCAPE '!')");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Map<String, Object> filterParams(String search, InvoiceStatus status) {
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            params.put("search", "%" + search.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (status != null) {
            params.put("status", status.name());
        }
        return params;
    }

    private Invoice load(long id, long expectedVersion) {
        Invoice invoice = invoices.findById(id).orElseThrow(() -> new InvoiceNotFoundException(id));
        if (invoice.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("invoice " + id + " changed");
        }
        return invoice;
    }

    static void check(InvoiceHeader header, List<LineItemDraft> lines) {
        Map<String, String> problems = new HashMap<>();
        if (header.buyerName() == null || header.buyerName().isBlank()) {
            problems.put("buyerName", "invoice.buyer-name.required");
        } else if (header.buyerName().strip().length() > 255) {
            problems.put("buyerName", "invoice.buyer-name.long");
        }
        if (!isAddress(header.buyerEmail())) {
            problems.put("buyerEmail", "invoice.buyer-email.invalid");
        }
        if (header.currency() == null) {
            problems.put("currency", "invoice.currency.required");
        }
        if (header.locale() == null) {
            problems.put("locale", "invoice.language.required");
        }
        if (header.issueDate() == null) {
            problems.put("issueDate", "invoice.issue-date.required");
        }
        if (header.terms() == null) {
            problems.put("terms", "invoice.terms.required");
        } else if (header.terms() == PaymentTerms.ON_DATE && (header.dueDate() == null
                || (header.issueDate() != null && header.dueDate().isBefore(header.issueDate())))) {
            problems.put("dueDate", "invoice.due-date.invalid");
        }
        if (header.discountValue() != null && (header.discountValue().signum() < 0
                || (header.discountKind() == DiscountKind.PERCENT && header.discountValue().compareTo(HUNDRED) > 0))) {
            problems.put("discount", "crm.line.discount-range");
        }
        if (header.comments() != null && header.comments().length() > MAX_COMMENTS) {
            problems.put("comments", "invoice.text.long");
        }
        if (header.footer() != null && header.footer().length() > MAX_FOOTER) {
            problems.put("footer", "invoice.text.long");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
        for (LineItemDraft line : lines) {
            LineItemRules.check(line, header.currency());
            if (line.frequency() != null) {
                throw new CrmValidationException(Map.of("lines", "invoice.line.recurring"));
            }
        }
        if (header.discountKind() == DiscountKind.AMOUNT && header.discountValue() != null
                && !new Money(header.discountValue(), header.currency()).hasCurrencyPrecision()) {
            throw new CrmValidationException(Map.of("discount", "crm.line.price-decimals"));
        }
    }

    private static boolean isAddress(String email) {
        if (email == null || email.isBlank() || email.strip().length() > 320) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(email.strip(), true);
            parsed.validate();
            return parsed.getPersonal() == null && parsed.getAddress().equals(email.strip());
        } catch (AddressException e) {
            return false;
        }
    }

    private InvoiceDetails details(Invoice invoice) {
        return InvoiceViews.details(invoice, received(invoice.id()));
    }

    private List<InvoiceDetails.ReceivedPayment> received(long invoiceId) {
        return jdbc.sql("""
                        SELECT paid_on, amount, currency, method, reference, manual FROM (
                          SELECT DATE(COALESCE(paid_at, created_at)) AS paid_on, p.amount, p.currency, p.method,
                                 p.charge_id AS reference, FALSE AS manual, p.created_at
                          FROM payment p WHERE p.invoice = :id AND p.status NOT IN ('PROCESSING', 'FAILED')
                          UNION ALL
                          SELECT m.paid_on, m.amount, i.currency, m.method, m.reference, TRUE, m.created_at
                          FROM invoice_manual_payment m JOIN invoice i ON i.id = m.invoice WHERE m.invoice = :id
                        ) received ORDER BY created_at""")
                .param("id", invoiceId)
                .query((rs, n) -> new InvoiceDetails.ReceivedPayment(rs.getObject("paid_on", LocalDate.class),
                        money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("method"), rs.getString("reference"), rs.getBoolean("manual"))).list();
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(Money.decimalsOf(currency), java.math.RoundingMode.HALF_UP), currency);
    }
}
