package com.commercehub.quote;

import com.commercehub.base.db.SqlLike;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.StaffMember;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LibraryLines;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.LineItemRules;
import com.commercehub.product.ProductService;
import com.commercehub.stripe.StripeConnectionService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Quotes as sales reps build them: created from a deal, edited while a draft, published with a buyer
 * link, recalled, duplicated. Every change names the version it was made on; a stale one is refused.
 */
@Service
public class QuoteService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuoteRepository quotes;
    private final QuoteVersions versions;
    private final QuoteSettingsService settings;
    private final BuyerLinks links;
    private final DealService deals;
    private final LibraryLines libraryLines;
    private final UserService users;
    private final ProductService products;
    private final StripeConnectionService stripe;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    QuoteService(QuoteRepository quotes, QuoteVersions versions, QuoteSettingsService settings, BuyerLinks links,
                 DealService deals, LibraryLines libraryLines, UserService users, ProductService products,
                 StripeConnectionService stripe,
                 JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.quotes = quotes;
        this.versions = versions;
        this.settings = settings;
        this.links = links;
        this.deals = deals;
        this.libraryLines = libraryLines;
        this.users = users;
        this.products = products;
        this.stripe = stripe;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * A new draft from the deal: its line items, currency, company and first contact (the buyer),
     * quoted in the buyer's language, expiring after the configured number of days.
     *
     * @throws CrmValidationException when the deal has no line items yet
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails createFromDeal(long dealId) {
        DealDetails deal = deals.get(dealId);
        if (deal.lines().isEmpty()) {
            throw new CrmValidationException(Map.of("deal", "quote.deal.no-lines"));
        }
        ContactSummary buyer = deal.contacts().isEmpty() ? null : deal.contacts().getFirst();
        Locale locale = buyer != null && buyer.preferredLocale() != null
                ? Messages.supported(buyer.preferredLocale()) : Locale.ENGLISH;
        QuoteSettings defaults = settings.get();
        Quote.Origin origin = new Quote.Origin(deal.id(), deal.name(), deal.currency(),
                deal.company() == null ? null : deal.company().id(), buyer == null ? null : buyer.id(), locale,
                deal.lines().stream().map(LineItemDetails::toDraft).toList());
        Quote quote = Quote.create(settings.takeNumber(), origin, Actors.current(),
                today().plusDays(defaults.expiryDays()), defaults.defaultTerms(), Actors.current(), clock.instant());
        return details(quotes.save(quote), deal);
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public QuoteDetails get(long id) {
        Quote quote = find(id);
        return details(quote, deals.get(quote.dealId()));
    }

    /** A page of the quotes list, newest first, in one query. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<QuoteListEntry> page(QuoteFilter filter, Pageable page) {
        return jdbc.sql("""
                        SELECT q.id, q.version, q.number, q.title, q.deal, d.name AS deal_name, q.owner, q.status,
                               q.published_version, q.expires_on, q.currency, q.first_payment
                        FROM quote q JOIN deal d ON d.id = q.deal
                        """ + WHERE + " ORDER BY q.id DESC LIMIT :limit OFFSET :offset")
                .params(filterParams(filter))
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new QuoteListEntry(rs.getLong("id"), rs.getLong("version"), rs.getString("number"), rs.getString("title"),
                        rs.getLong("deal"), rs.getString("deal_name"), rs.getString("owner"),
                        QuoteStatus.valueOf(rs.getString("status")), rs.getInt("published_version"),
                        rs.getObject("expires_on", LocalDate.class),
                        new Money(rs.getBigDecimal("first_payment"), Currency.getInstance(rs.getString("currency")))
                                .rounded(java.math.RoundingMode.HALF_UP)))
                .list();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(QuoteFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM quote q JOIN deal d ON d.id = q.deal " + WHERE)
                .params(filterParams(filter)).query(Integer.class).single();
    }

    private static final String WHERE = """
            WHERE (q.title LIKE :like ESCAPE '!' OR q.number LIKE :like ESCAPE '!' OR d.name LIKE :like ESCAPE '!')
              AND (:status IS NULL OR q.status = :status)
              AND (:owner IS NULL OR q.owner = :owner)
              AND (:deal IS NULL OR q.deal = :deal)
              AND (:until IS NULL OR ((q.status IN ('PUBLISHED', 'VIEWED') OR (q.status = 'SIGNED' AND q.collect_payment))
                                      AND q.expires_on BETWEEN :today AND :until))
            """;

    private Map<String, Object> filterParams(QuoteFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("like", SqlLike.contains(filter.search()));
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("owner", filter.owner());
        params.put("deal", filter.dealId());
        LocalDate today = today();
        params.put("today", Date.valueOf(today));
        params.put("until", filter.expiringWithinDays() == null ? null
                : Date.valueOf(today.plusDays(filter.expiringWithinDays())));
        return params;
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails updateHeader(long id, long expectedVersion, QuoteHeaderDraft header) {
        return change(id, expectedVersion, (quote, deal) -> {
            Map<String, String> problems = new HashMap<>();
            if (header.title() == null || header.title().isBlank()) {
                problems.put("title", "crm.name.required");
            } else if (header.title().strip().length() > 255) {
                problems.put("title", "quote.title.too-long");
            }
            if (header.expiresOn() == null) {
                problems.put("expiresOn", "quote.expires.required");
            } else if (header.expiresOn().isBefore(today())) {
                problems.put("expiresOn", "quote.expires.past");
            }
            if (header.locale() == null || !Messages.SUPPORTED.contains(header.locale())) {
                problems.put("locale", "quote.locale.unsupported");
            }
            if (header.contactId() != null && deal.contacts().stream().noneMatch(c -> c.id() == header.contactId())) {
                problems.put("contact", "quote.contact.not-on-deal");
            }
            if (!isActiveStaff(header.owner())) {
                problems.put("owner", "quote.owner.unknown");
            }
            if (!problems.isEmpty()) {
                throw new CrmValidationException(problems);
            }
            quote.applyHeader(header, clock.instant());
        });
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails addProduct(long id, long expectedVersion, long productId, BigDecimal quantity) {
        return change(id, expectedVersion, (quote, deal) -> {
            LineItemDraft line = libraryLines.copy(productId, quantity, quote.currency());
            LineItemRules.check(line, quote.currency());
            quote.addLine(line, clock.instant());
        });
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails addLine(long id, long expectedVersion, LineItemDraft line) {
        return change(id, expectedVersion, (quote, deal) -> {
            LineItemRules.check(line, quote.currency());
            quote.addLine(line, clock.instant());
        });
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails updateLine(long id, long expectedVersion, int index, LineItemDraft line) {
        return change(id, expectedVersion, (quote, deal) -> {
            checkIndex(index, quote.lineCount());
            LineItemRules.check(line, quote.currency());
            quote.replaceLine(index, line, clock.instant());
        });
    }

    /** Changes one line's quantity, keeping everything else of it. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails changeQuantity(long id, long expectedVersion, int index, BigDecimal quantity) {
        return change(id, expectedVersion, (quote, deal) -> {
            checkIndex(index, quote.lineCount());
            LineItemDraft line = quote.lineDrafts().get(index).withQuantity(quantity);
            LineItemRules.check(line, quote.currency());
            quote.replaceLine(index, line, clock.instant());
        });
    }

    /** Moves line {@code index} to {@code target}; the buyer page and the PDF list the lines in this order. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails moveLine(long id, long expectedVersion, int index, int target) {
        return change(id, expectedVersion, (quote, deal) -> {
            checkIndex(index, quote.lineCount());
            checkIndex(target, quote.lineCount());
            quote.moveLine(index, target, clock.instant());
        });
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails removeLine(long id, long expectedVersion, int index) {
        return change(id, expectedVersion, (quote, deal) -> {
            checkIndex(index, quote.lineCount());
            quote.removeLine(index, clock.instant());
        });
    }

    /** Adds a quote-level discount or fee. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails addAdjustment(long id, long expectedVersion, AdjustmentDraft.Type type, String label,
                                      Adjustment.Kind kind, BigDecimal value) {
        return addAdjustment(id, expectedVersion, type, label, kind, value, AdjustmentDraft.AppliesTo.EVERY_PAYMENT);
    }

    /** Adds a quote-level discount (lasting every payment or the first only) or a fee. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails addAdjustment(long id, long expectedVersion, AdjustmentDraft.Type type, String label,
                                      Adjustment.Kind kind, BigDecimal value, AdjustmentDraft.AppliesTo appliesTo) {
        return change(id, expectedVersion, (quote, deal) -> {
            Map<String, String> problems = new HashMap<>();
            if (label == null || label.isBlank()) {
                problems.put("label", "crm.name.required");
            }
            if (kind == null || value == null || value.signum() <= 0) {
                problems.put("value", "quote.adjustment.positive");
            } else if (kind == Adjustment.Kind.PERCENT && value.compareTo(HUNDRED) > 0) {
                problems.put("value", "crm.line.discount-range");
            } else if (kind == Adjustment.Kind.AMOUNT && !new Money(value, quote.currency()).hasCurrencyPrecision()) {
                problems.put("value", "crm.line.price-decimals");
            }
            if (!problems.isEmpty()) {
                throw new CrmValidationException(problems);
            }
            quote.addAdjustment(new AdjustmentDraft(type, label, new Adjustment(kind, value),
                    type == AdjustmentDraft.Type.DISCOUNT ? appliesTo : null), clock.instant());
        });
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails removeAdjustment(long id, long expectedVersion, int index) {
        return change(id, expectedVersion, (quote, deal) -> {
            checkIndex(index, quote.adjustmentCount());
            quote.removeAdjustment(index, clock.instant());
        });
    }

    /** Require the buyer's e-signature, optionally countersigned by a staff member. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails setSignature(long id, long expectedVersion, boolean required, String countersigner) {
        return change(id, expectedVersion, (quote, deal) -> {
            String who = countersigner == null || countersigner.isBlank() ? null : countersigner;
            if (required && who != null && !isActiveStaff(who)) {
                throw new CrmValidationException(Map.of("countersigner", "quote.owner.unknown"));
            }
            quote.setSignature(required, who, clock.instant());
        });
    }

    /**
     * Turns collecting payment through Stripe on or off. Turning it on needs a connected account that
     * is ready to transact; what the quote itself must fix is listed in {@link QuoteDetails#payment()}.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails setCollectPayment(long id, long expectedVersion, boolean collect) {
        return change(id, expectedVersion, (quote, deal) -> {
            if (collect && !stripe.readyToTransact()) {
                throw new CrmValidationException(Map.of("payment", "quote.payment.not-ready"));
            }
            quote.setCollectPayment(collect, clock.instant());
        });
    }

    /**
     * Publishes the quote as its next version: the content is frozen, the buyer link issued (any
     * earlier link stops working). Refused with every problem listed when the quote is incomplete
     * or, with payment on, breaks a payment-step rule.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public Published publish(long id, long expectedVersion) {
        Quote quote = load(id, expectedVersion);
        DealDetails deal = deals.get(quote.dealId());
        List<PaymentStepRules.Finding> problems = new ArrayList<>();
        if (quote.lineCount() == 0) {
            problems.add(PaymentStepRules.Finding.of("quote.publish.no-lines"));
        }
        if (quote.contactId() == null) {
            problems.add(PaymentStepRules.Finding.of("quote.publish.no-buyer"));
        }
        if (quote.expiresOn().isBefore(today())) {
            problems.add(PaymentStepRules.Finding.of("quote.expires.past"));
        }
        QuoteTotals totals = quote.totals();
        if (quote.collectPayment()) {
            PaymentCheck check = paymentCheck(quote, totals);
            if (!check.processorReady()) {
                problems.add(PaymentStepRules.Finding.of("quote.payment.not-ready"));
            }
            problems.addAll(check.rules().violations());
        }
        if (!problems.isEmpty()) {
            throw new QuotePublishException(problems);
        }
        var now = clock.instant();
        int versionNo = quote.publish(now);
        Quote saved = quotes.save(quote);
        ContactSummary buyer = deal.contacts().stream().filter(c -> c.id() == quote.contactId()).findFirst()
                .orElseThrow(() -> new OptimisticLockingFailureException("the buyer left the deal"));
        QuoteContent content = content(quote, deal, buyer, versionNo, totals);
        versions.revokeAll(saved.id(), now);
        BuyerLinks.Issued link = links.issue();
        versions.store(saved.id(), content, link, Actors.current(), now);
        versions.log(saved.id(), versionNo, QuoteStatus.PUBLISHED, Actors.current(), now);
        return new Published(details(saved, deal), BuyerLinks.PATH + link.token());
    }

    /**
     * The draft as its buyer would see it once published as the next version, for the review step
     * before publishing; nothing is stored. The buyer may still be missing (the review then shows none).
     */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public BuyerQuote draftPreview(long id) {
        Quote quote = find(id);
        DealDetails deal = deals.get(quote.dealId());
        ContactSummary buyer = deal.contacts().stream().filter(c -> quote.contactId() != null
                && c.id() == quote.contactId()).findFirst().orElse(null);
        int next = quote.publishedVersion() + 1;
        // Shown as the open quote the buyer will get: a draft's own standing would read "being revised".
        return new BuyerQuote(quote.id(), next, QuoteStatus.PUBLISHED, content(quote, deal, buyer, next, quote.totals()),
                true, null, List.of(), null, null);
    }

    private QuoteContent content(Quote quote, DealDetails deal, ContactSummary buyer, int versionNo, QuoteTotals totals) {
        String ownerName = users.activeStaff().stream().filter(s -> s.email().equals(quote.owner()))
                .map(StaffMember::displayName).findFirst().orElse(quote.owner());
        return new QuoteContent(quote.number(), versionNo, quote.title(), quote.currency(),
                quote.locale().toLanguageTag(), quote.expiresOn(), quote.comments(), quote.purchaseTerms(),
                buyer == null ? null : buyer.fullName(), buyer == null ? null : buyer.email(),
                deal.company() == null ? null : deal.company().name(), quote.owner(),
                ownerName, quote.lineDrafts(), quote.adjustmentDrafts(), quote.requireSignature(),
                quote.countersigner(), quote.collectPayment(), totals.firstPayment().amount(),
                lineDescriptions(quote.lineDrafts()));
    }

    /** A published quote and the path of its buyer link (shown once here, and again via {@link #buyerLink}). */
    public record Published(QuoteDetails quote, String linkPath) {
    }

    /** Takes the quote back: its link stops working and it can be edited, then published as a new version. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails recall(long id, long expectedVersion) {
        Quote quote = load(id, expectedVersion);
        var now = clock.instant();
        quote.moveTo(QuoteStatus.RECALLED, now);
        Quote saved = quotes.save(quote);
        versions.revokeAll(saved.id(), now);
        versions.log(saved.id(), saved.publishedVersion(), QuoteStatus.RECALLED, Actors.current(), now);
        return details(saved, deals.get(saved.dealId()));
    }

    /** A new draft with the same content under the next number, expiring after the default days from today. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public QuoteDetails duplicate(long id) {
        Quote original = find(id);
        Quote copy = original.duplicate(settings.takeNumber(), today().plusDays(settings.get().expiryDays()),
                Actors.current(), clock.instant());
        return details(quotes.save(copy), deals.get(copy.dealId()));
    }

    /** The path of the quote's working buyer link, when it has one. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Optional<String> buyerLink(long id) {
        Quote quote = find(id);
        if (!quote.status().linkLive() && quote.status() != QuoteStatus.EXPIRED) {
            return Optional.empty();
        }
        return versions.liveSealedToken(id).map(sealed -> BuyerLinks.PATH + links.reveal(sealed));
    }

    /** What the buyer of the given version saw, frozen. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Optional<QuoteContent> publishedContent(long id, int versionNo) {
        return versions.content(id, versionNo);
    }

    /** Quotes of one deal, newest first. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<QuoteListEntry> ofDeal(long dealId) {
        return page(new QuoteFilter("", null, null, dealId, null), org.springframework.data.domain.PageRequest.of(0, 200));
    }

    private List<String> lineDescriptions(List<LineItemDraft> lines) {
        Map<Long, String> library = products.descriptions(lines.stream().map(LineItemDraft::productId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return lines.stream().map(line -> line.productId() == null ? null : library.get(line.productId()))
                .collect(Collectors.toList());
    }

    private interface Change {
        void apply(Quote quote, DealDetails deal);
    }

    private QuoteDetails change(long id, long expectedVersion, Change change) {
        Quote quote = load(id, expectedVersion);
        DealDetails deal = deals.get(quote.dealId());
        change.apply(quote, deal);
        return details(quotes.save(quote), deal);
    }

    private Quote find(long id) {
        return quotes.findById(id).orElseThrow(() -> new QuoteNotFoundException(id));
    }

    private Quote load(long id, long expectedVersion) {
        Quote quote = find(id);
        if (quote.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("quote " + id + " changed");
        }
        return quote;
    }

    private static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new OptimisticLockingFailureException("line " + index + " is gone");
        }
    }

    private boolean isActiveStaff(String email) {
        return email != null && users.activeStaff().stream().anyMatch(s -> s.email().equals(email));
    }

    private LocalDate today() {
        return calendar.today();
    }

    private PaymentCheck paymentCheck(Quote quote, QuoteTotals totals) {
        List<LineItemDraft> drafts = quote.lineDrafts();
        List<PaymentStepRules.Line> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            LineItemDraft line = drafts.get(i);
            lines.add(new PaymentStepRules.Line(line.name(), totals.lines().get(i).net(), line.frequency(),
                    line.termPeriods()));
        }
        List<Adjustment.Kind> discounts = quote.adjustmentDrafts().stream()
                .filter(a -> a.type() == AdjustmentDraft.Type.DISCOUNT).map(a -> a.adjustment().kind()).toList();
        Set<Currency> chargeable = stripe.chargeableCurrencies().stream()
                .map(code -> Currency.getInstance(code.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        boolean firstPaymentOnly = quote.adjustmentDrafts().stream().anyMatch(AdjustmentDraft::firstPaymentOnly);
        return new PaymentCheck(stripe.readyToTransact(), PaymentStepRules.check(quote.currency(), lines, discounts,
                firstPaymentOnly, totals.firstPayment(), chargeable));
    }

    private QuoteDetails details(Quote quote, DealDetails deal) {
        QuoteTotals totals = quote.totals();
        List<LineItemDraft> drafts = quote.lineDrafts();
        List<LineItemDetails> lines = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            lines.add(QuoteLine.details(i, drafts.get(i), quote.currency(), totals.lines().get(i)));
        }
        return new QuoteDetails(quote.id(), quote.version(), quote.number(), deal.id(), deal.name(), quote.title(),
                quote.owner(), quote.currency(), quote.contactId(), deal.company() == null ? null : deal.company().name(),
                quote.locale(), quote.expiresOn(), quote.comments(), quote.purchaseTerms(), List.copyOf(lines),
                quote.adjustmentDrafts(), totals, quote.requireSignature(), quote.countersigner(),
                quote.collectPayment(), quote.status(), quote.publishedVersion(), quote.publishedAt(),
                deal.contacts(), paymentCheck(quote, totals));
    }
}
