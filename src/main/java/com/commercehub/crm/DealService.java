package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.db.SqlLike;
import com.commercehub.base.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deals and their line items. */
@Service
public class DealService {

    private final DealRepository deals;
    private final CompanyRepository companies;
    private final ContactService contacts;
    private final LibraryLines libraryLines;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealService(DealRepository deals, CompanyRepository companies, ContactService contacts, LibraryLines libraryLines,
                JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.deals = deals;
        this.events = events;
        this.companies = companies;
        this.contacts = contacts;
        this.libraryLines = libraryLines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of deals with their amounts: one query for the deals, one for their lines. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<DealListEntry> page(String search, DealStage stage, Pageable page) {
        record Row(long id, String name, DealStage stage, String currency, String companyName, String owner,
                   java.time.LocalDate closeDate) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT d.id, d.name, d.stage, d.currency, c.name AS company_name, d.owner, d.close_date
                        FROM deal d LEFT JOIN company c ON c.id = d.company
                        WHERE d.name LIKE :like ESCAPE '!' AND (:stage IS NULL OR d.stage = :stage)
                        ORDER BY d.name, d.id LIMIT :limit OFFSET :offset""")
                .param("like", SqlLike.contains(search)).param("stage", stage == null ? null : stage.name())
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), DealStage.valueOf(rs.getString("stage")),
                        rs.getString("currency"), rs.getString("company_name"), rs.getString("owner"),
                        rs.getObject("close_date", java.time.LocalDate.class)))
                .list();
        // All lines of the page's deals in one query, summed with the same rule as a deal's own amount and
        // kept apart by billing frequency.
        Map<Long, BillingSplit> splits = new HashMap<>();
        rows.forEach(row -> splits.put(row.id(), new BillingSplit(Money.zero(Currency.getInstance(row.currency())),
                Map.of())));
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            SELECT deal, quantity, unit_price, discount_kind, discount_value, billing_interval,
                                   billing_interval_count
                            FROM deal_line WHERE deal IN (:ids)""")
                    .param("ids", splits.keySet())
                    .query(rs -> {
                        long deal = rs.getLong("deal");
                        BillingSplit split = splits.get(deal);
                        String unit = rs.getString("billing_interval");
                        com.commercehub.product.BillingFrequency frequency = unit == null ? null
                                : new com.commercehub.product.BillingFrequency(
                                com.commercehub.product.IntervalUnit.valueOf(unit), rs.getInt("billing_interval_count"));
                        splits.put(deal, split.plus(frequency, DealLine.net(rs.getBigDecimal("quantity"),
                                rs.getBigDecimal("unit_price"), rs.getString("discount_kind"),
                                rs.getBigDecimal("discount_value"), split.oneTime().currency())));
                    });
        }
        return rows.stream().map(row -> {
            BillingSplit split = splits.get(row.id());
            return new DealListEntry(row.id(), row.name(), row.stage(), row.companyName(), row.owner(),
                    row.closeDate(), split.firstPayment(), split);
        }).toList();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(String search, DealStage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM deal d WHERE d.name LIKE :like ESCAPE '!' AND (:stage IS NULL OR d.stage = :stage)")
                .param("like", SqlLike.contains(search)).param("stage", stage == null ? null : stage.name())
                .query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public DealDetails get(long id) {
        Deal deal = deals.findById(id).orElseThrow(() -> new OptimisticLockingFailureException("deal " + id + " is gone"));
        return details(deal);
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails create(DealDraft draft) {
        DealDraft withOwner = draft.owner() == null || draft.owner().isBlank()
                ? new DealDraft(draft.name(), Actors.current(), draft.stage(), draft.currency(), draft.companyId(),
                draft.contactIds(), draft.closeDate())
                : draft;
        validate(withOwner);
        return details(deals.save(Deal.create(withOwner, clock.instant())));
    }

    /** Saves the deal's fields; its currency can change only while it has no lines. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails update(long id, long expectedVersion, DealDraft draft) {
        Deal deal = load(id, expectedVersion);
        validate(draft);
        if (!deal.currency().equals(draft.currency())) {
            if (!deal.canChangeCurrency()) {
                throw new CrmValidationException(Map.of("currency", "crm.deal.currency-locked"));
            }
            deal.changeCurrency(draft.currency(), clock.instant());
        }
        String previousOwner = deal.owner();
        deal.apply(draft, clock.instant());
        DealDetails saved = details(deals.save(deal));
        if (!java.util.Objects.equals(previousOwner, draft.owner())) {
            events.publishEvent(new DealOwnerChanged(id, previousOwner, draft.owner()));
        }
        return saved;
    }

    /**
     * Adds a product from the library: name, SKU, price, billing, term and tax are copied (the line
     * keeps them even if the product changes later) and the product is referenced.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails addProduct(long dealId, long expectedVersion, long productId, BigDecimal quantity) {
        Deal deal = load(dealId, expectedVersion);
        LineItemDraft line = libraryLines.copy(productId, quantity, deal.currency());
        LineItemRules.check(line, deal.currency());
        deal.addLine(DealLine.of(line), clock.instant());
        return details(deals.save(deal));
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails addLine(long dealId, long expectedVersion, LineItemDraft line) {
        Deal deal = load(dealId, expectedVersion);
        LineItemRules.check(line, deal.currency());
        deal.addLine(DealLine.of(line), clock.instant());
        return details(deals.save(deal));
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails updateLine(long dealId, long expectedVersion, int index, LineItemDraft line) {
        Deal deal = load(dealId, expectedVersion);
        checkIndex(deal, index);
        LineItemRules.check(line, deal.currency());
        deal.replaceLine(index, DealLine.of(line), clock.instant());
        return details(deals.save(deal));
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public DealDetails removeLine(long dealId, long expectedVersion, int index) {
        Deal deal = load(dealId, expectedVersion);
        checkIndex(deal, index);
        deal.removeLine(index, clock.instant());
        return details(deals.save(deal));
    }

    private static void checkIndex(Deal deal, int index) {
        if (index < 0 || index >= deal.lineCount()) {
            throw new OptimisticLockingFailureException("line " + index + " is gone");
        }
    }

    private Deal load(long id, long expectedVersion) {
        Deal deal = deals.findById(id).orElseThrow(() -> new OptimisticLockingFailureException("deal " + id + " is gone"));
        if (deal.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("deal " + id + " changed");
        }
        return deal;
    }

    private DealDetails details(Deal deal) {
        CompanySummary company = deal.companyId() == null ? null
                : companies.findById(deal.companyId()).map(Company::summary).orElse(null);
        return deal.details(company, contacts.byIds(deal.contactIds()));
    }

    private static void validate(DealDraft draft) {
        Map<String, String> problems = new HashMap<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.put("name", "crm.name.required");
        }
        if (draft.currency() == null) {
            problems.put("currency", "product.currency.required");
        }
        if (draft.stage() == null) {
            problems.put("stage", "crm.deal.stage-required");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
    }
}
