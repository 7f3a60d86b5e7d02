package com.commercehub.dashboard;

import com.commercehub.base.db.RecordNotFoundException;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.payment.PaymentResync;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.StripeException;
import com.stripe.param.RefundCreateParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The payments page: lazy pages, details, refunds and re-syncs. SALES see the payments of their own deals
 * only, whatever filter they send; FINANCE and ADMIN see all and may refund and re-sync.
 */
@Service
public class PaymentsPageService {

    private static final String FROM = """
            FROM payment p LEFT JOIN deal d ON d.id = p.deal LEFT JOIN contact c ON c.id = p.contact
            LEFT JOIN company co ON co.id = p.company LEFT JOIN payment_sync_state s ON s.payment = p.id
            LEFT JOIN invoice i ON i.id = p.invoice LEFT JOIN receipt r ON r.payment = p.id
            LEFT JOIN quote q ON q.id = p.quote""";
    private static final String COLUMNS = """
            SELECT p.id, p.booked_at, COALESCE(NULLIF(TRIM(CONCAT(c.first_name, ' ', c.last_name)), ''), co.name) AS buyer,
                   %s AS source, p.quote, p.deal, p.method, p.status, p.amount, p.currency, p.gross, p.fee, p.net,
                   p.settlement_currency, p.refunded, s.state, s.reason, s.compared_at, d.owner,
                   p.account_id, p.checkout_session_id, p.payment_intent_id, p.invoice_id, p.charge_id,
                   p.balance_transaction_id, p.dispute_id, p.stripe_subscription_id, p.failure_reason,
                   p.invoice, i.number AS invoice_number, r.number AS receipt_number, q.number AS quote_number
            """.formatted(PaymentSources.SQL);

    private final JdbcClient jdbc;
    private final PaymentAccounts accounts;
    private final PaymentResync resync;
    private final Clock clock;

    PaymentsPageService(JdbcClient jdbc, PaymentAccounts accounts, PaymentResync resync, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.resync = resync;
        this.clock = clock;
    }

    /**
     * One page, newest first. An index cannot skip rows, so {@code OFFSET 500000} walks half a million
     * entries. Where the filter is one the day counts answer (date range, status, currency, source, owner),
     * the page's days are found from them and only rows of those days are read. The sync state and the search
     * narrow the rows enough to skip them; offsets past the middle are then read from the other end, the
     * shorter index walk.
     */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentRow> page(PaymentFilter filter, int offset, int limit, long total) {
        PaymentFilter visible = visible(filter);
        Where where = where(visible);
        List<Long> ids = countable(visible) ? seekPage(visible, where, offset, limit)
                : skipPage(where, offset, limit, total);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + FROM + " WHERE p.id IN (:ids) ORDER BY p.booked_at DESC, p.id DESC")
                .param("ids", ids).query(PaymentsPageService::row).list();
    }

    /** How many payments the filter matches. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public long count(PaymentFilter filter) {
        PaymentFilter visible = visible(filter);
        if (countable(visible)) {
            return dayCounts(visible).stream().mapToLong(DayCount::payments).sum();
        }
        Where where = where(visible);
        var spec = jdbc.sql("SELECT COUNT(*) FROM payment p" + where.joins + where.sql);
        for (var p : where.params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    /** The filters the day counts have the dimensions for (V73, V80): all but the sync state and the search. */
    private static boolean countable(PaymentFilter f) {
        return f.sync() == null && (f.search() == null || f.search().isBlank());
    }

    private record DayCount(LocalDate day, long payments) {
    }

    /**
     * Payments per booking day for the filter, newest day first. An owner's counts (what every SALES request
     * has) and a source's come from their own tables, whose keys start with the owner or the source, so only
     * that owner's or source's rows are read.
     */
    private List<DayCount> dayCounts(PaymentFilter f) {
        List<String> conditions = new ArrayList<>(List.of("payments <> 0"));
        var params = new java.util.LinkedHashMap<String, Object>();
        String table = "payment_count_daily";
        if (f.owner() != null) {
            table = "payment_count_owner_daily";
            conditions.add("owner = :owner");
            params.put("owner", f.owner());
        } else if (f.source() != null) {
            table = "payment_count_source_daily";
        }
        if (f.source() != null) {
            conditions.add("source = :source");
            params.put("source", f.source().code());
        }
        if (f.from() != null) {
            conditions.add("day >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            conditions.add("day <= :to");
            params.put("to", f.to());
        }
        if (f.status() != null) {
            conditions.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.currency() != null) {
            conditions.add("currency = :currency");
            params.put("currency", f.currency());
        }
        var spec = jdbc.sql("SELECT day, SUM(payments) FROM " + table + " WHERE " + String.join(" AND ", conditions)
                + " GROUP BY day ORDER BY day DESC");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getLong(2))).list();
    }

    /**
     * The page lies between the day its first row is on and the day its last row is on, both known from the day
     * counts: only those days' rows are read, and only the newer rows of the first day are skipped.
     */
    private List<Long> seekPage(PaymentFilter filter, Where where, int offset, int limit) {
        long before = 0;
        LocalDate newest = null;
        long skip = 0;
        LocalDate oldest = null;
        for (DayCount day : dayCounts(filter)) {
            if (newest == null && before + day.payments() > offset) {
                newest = day.day();
                skip = offset - before;
            }
            before += day.payments();
            if (newest != null) {
                oldest = day.day();
                if (before >= (long) offset + limit) {
                    break;
                }
            }
        }
        if (newest == null) {
            return List.of();
        }
        // Along the (booked_at, id) index between the two days: with an owner's join the optimizer would
        // otherwise start from the owner's deals and sort all of their payments.
        String sql = "SELECT p.id FROM payment p FORCE INDEX (ix_payment_booked)" + where.joins + where.sql
                + (where.sql.isEmpty() ? " WHERE " : " AND ") + "p.booked_at < :dayEnd AND p.booked_at >= :dayStart"
                + " ORDER BY p.booked_at DESC, p.id DESC LIMIT :take OFFSET :skip";
        var spec = jdbc.sql(sql).param("dayEnd", Timestamp.valueOf(newest.plusDays(1).atStartOfDay()))
                .param("dayStart", Timestamp.valueOf(oldest.atStartOfDay())).param("take", limit).param("skip", skip);
        for (var p : where.params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).list();
    }

    private List<Long> skipPage(Where where, int offset, int limit, long total) {
        boolean fromEnd = total > 0 && offset > total / 2;
        long skip = fromEnd ? Math.max(0, total - offset - limit) : offset;
        int take = fromEnd ? (int) Math.min(limit, total - offset) : limit;
        if (take <= 0) {
            return List.of();
        }
        String order = fromEnd ? "p.booked_at ASC, p.id ASC" : "p.booked_at DESC, p.id DESC";
        // Deferred join: the ids of the page come from the (booked_at, id) index alone, the rest by primary key.
        String sql = "SELECT ids.id FROM (SELECT p.id, p.booked_at FROM payment p" + where.joins
                + where.sql + " ORDER BY " + order + " LIMIT :take OFFSET :skip) ids";
        var spec = jdbc.sql(sql).param("take", take).param("skip", skip);
        for (var p : where.params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).list();
    }

    /** The currencies payments were made in, for the currency filter. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<String> currencies() {
        return jdbc.sql("SELECT DISTINCT currency FROM revenue_daily ORDER BY currency").query(String.class).list();
    }

    /** The payment drawer. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public PaymentDetails details(long paymentId) {
        var found = jdbc.sql(COLUMNS + FROM + " WHERE p.id = :id").param("id", paymentId)
                .query((rs, n) -> details(rs)).optional()
                .filter(d -> mayOpen(d.row()))
                .orElseThrow(() -> new RecordNotFoundException("payment", paymentId));
        List<PaymentDetails.Refund> refunds = jdbc.sql("""
                        SELECT refund_id, amount, currency, status, created_at FROM payment_refund WHERE payment = :id
                        ORDER BY created_at, id""").param("id", paymentId)
                .query((rs, n) -> new PaymentDetails.Refund(rs.getString(1), Money.of(rs.getBigDecimal(2), rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
        List<String> objects = Stream.of(found.checkoutSessionId(), found.paymentIntentId(), found.invoiceId(),
                found.chargeId(), found.disputeId()).filter(java.util.Objects::nonNull).toList();
        List<PaymentDetails.Event> events = objects.isEmpty() ? List.of() : jdbc.sql("""
                        SELECT id, type, received_at, processed_at FROM stripe_event WHERE object_id IN (:objects)
                        ORDER BY created, received_at LIMIT 200""").param("objects", objects)
                .query((rs, n) -> new PaymentDetails.Event(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)))).list();
        return new PaymentDetails(found.row(), found.accountId(), found.checkoutSessionId(), found.paymentIntentId(),
                found.invoiceId(), found.chargeId(), found.balanceTransactionId(), found.disputeId(),
                found.subscriptionId(), found.failureReason(), refunds, events);
    }

    /**
     * Asks Stripe to refund (part of) the payment. Sent with an idempotency key made of the payment, what
     * was refunded before and the amount, so a retry of this request never refunds twice; the payment
     * shows the refund when Stripe's webhook confirms it.
     */
    @Transactional(propagation = Propagation.NEVER)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public String refund(long paymentId, Money amount, String reason) {
        PaymentDetails payment = details(paymentId);
        PaymentRow row = payment.row();
        if (amount == null || amount.amount().signum() <= 0 || !amount.currency().equals(row.amount().currency())
                || amount.compareTo(row.refundable()) > 0 || !StripeAmounts.isExactlyRepresentable(amount)) {
            throw new RefundRejectedException(RefundRejectedException.Reason.AMOUNT);
        }
        if (reason == null || reason.isBlank()) {
            throw new RefundRejectedException(RefundRejectedException.Reason.REASON);
        }
        if (payment.chargeId() == null && payment.paymentIntentId() == null) {
            throw new RefundRejectedException(RefundRejectedException.Reason.NOT_REFUNDABLE);
        }
        PaymentAccount account = accounts.connected().filter(a -> a.accountId().equals(payment.accountId()))
                .orElseThrow(() -> new RefundRejectedException(RefundRejectedException.Reason.NOT_CONNECTED));
        var params = RefundCreateParams.builder().setAmount(StripeAmounts.toMinorUnits(amount))
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("hub_payment", Long.toString(paymentId))
                .putMetadata("hub_reason", reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip())
                .putMetadata("hub_by", Actors.current());
        if (payment.chargeId() != null) {
            params.setCharge(payment.chargeId());
        } else {
            params.setPaymentIntent(payment.paymentIntentId());
        }
        try {
            return account.client().v1().refunds().create(params.build(), IdempotencyKeys.forWrite("payment", paymentId,
                    "refund", StripeAmounts.toMinorUnits(row.refunded()), StripeAmounts.toMinorUnits(amount))).getId();
        } catch (com.stripe.exception.ApiConnectionException | com.stripe.exception.RateLimitException
                 | com.stripe.exception.ApiException e) {
            // Retried already (same key); whether Stripe made the refund is unknown, and the next try with the
            // same key either makes it or returns the one made.
            throw new RefundRejectedException(RefundRejectedException.Reason.PROVIDER_UNAVAILABLE, e.getMessage());
        } catch (StripeException e) {
            throw new RefundRejectedException(RefundRejectedException.Reason.STRIPE, e.getMessage());
        }
    }

    /**
     * Reads one payment again from Stripe. A failure is recorded on the payment (sync state "failed", with
     * Stripe's reason) and rethrown; success leaves it as Stripe says (synced, or pending its fee).
     */
    @Transactional(propagation = Propagation.NEVER)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public PaymentRow resync(long paymentId) {
        try {
            resync.resync(paymentId);
        } catch (RuntimeException e) {
            markSync(paymentId, SyncState.FAILED, e.getMessage());
            throw e;
        }
        return details(paymentId).row();
    }

    /** The payments booked in the period (oldest first), for a re-sync of a date range. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<Long> idsIn(Period period) {
        return jdbc.sql("SELECT id FROM payment WHERE booked_at >= :from AND booked_at < :to ORDER BY booked_at, id")
                .param("from", Timestamp.valueOf(period.from().atStartOfDay()))
                .param("to", Timestamp.valueOf(period.to().plusDays(1).atStartOfDay())).query(Long.class).list();
    }

    @Transactional
    void markSync(long paymentId, SyncState state, String reason) {
        jdbc.sql("""
                        INSERT INTO payment_sync_state (payment, state, reason, compared_at) VALUES (:id, :state, :reason, :now)
                        ON DUPLICATE KEY UPDATE state = VALUES(state), reason = VALUES(reason), compared_at = VALUES(compared_at)""")
                .param("id", paymentId).param("state", state.code())
                .param("reason", reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private static boolean seesAll() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        Set<String> granted = Set.of(Role.Authority.FINANCE, Role.Authority.ADMIN);
        return auth.getAuthorities().stream().anyMatch(a -> granted.contains(a.getAuthority()));
    }

    private static PaymentFilter visible(PaymentFilter filter) {
        return seesAll() ? filter : filter.withOwner(Actors.current());
    }

    private static boolean mayOpen(PaymentRow row) {
        return seesAll() || Actors.current().equals(row.owner());
    }

    /**
     * The payments a search finds, one index lookup for each way a payment can match: its buyer's contact or
     * company (found by name or e-mail in their own, small tables) or a pasted Stripe id. Never every payment
     * tested against joins.
     */
    private static final String SEARCH = """
            SELECT sp.id FROM payment sp WHERE sp.contact IN (SELECT sc.id FROM contact sc
              WHERE CONCAT(sc.first_name, ' ', sc.last_name) LIKE :search OR sc.email LIKE :search)
            UNION SELECT sp.id FROM payment sp WHERE sp.company IN (SELECT sco.id FROM company sco WHERE sco.name LIKE :search)
            UNION SELECT sp.id FROM payment sp WHERE sp.payment_intent_id = :exact
            UNION SELECT sp.id FROM payment sp WHERE sp.charge_id = :exact
            UNION SELECT sp.id FROM payment sp WHERE sp.invoice_id = :exact
            UNION SELECT sp.id FROM payment sp WHERE sp.checkout_session_id = :exact""";
    private static final int SEARCH_IDS_INLINE = 2_000;

    /** Up to one more than {@link #SEARCH_IDS_INLINE} ids the search finds (more means: use the derived table). */
    private List<Long> searched(String search) {
        return jdbc.sql(SEARCH + " LIMIT " + (SEARCH_IDS_INLINE + 1)).param("search", like(search))
                .param("exact", search.strip()).query(Long.class).list();
    }

    private static String like(String search) {
        return "%" + com.commercehub.base.db.SqlLike.escape(search.strip()) + "%";
    }

    /** The filter as SQL over {@code payment p}: what to join (only what the conditions need) and the WHERE. */
    private record Where(String joins, String sql, java.util.Map<String, Object> params) {
    }

    private Where where(PaymentFilter f) {
        List<String> conditions = new ArrayList<>();
        var params = new java.util.LinkedHashMap<String, Object>();
        StringBuilder joins = new StringBuilder();
        if (f.from() != null) {
            conditions.add("p.booked_at >= :from");
            params.put("from", Timestamp.valueOf(f.from().atStartOfDay()));
        }
        if (f.to() != null) {
            conditions.add("p.booked_at < :to");
            params.put("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
        }
        if (f.status() != null) {
            conditions.add("p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.source() != null) {
            conditions.add(f.source().condition());
        }
        if (f.currency() != null) {
            conditions.add("p.currency = :currency");
            params.put("currency", f.currency());
        }
        if (f.owner() != null) {
            joins.append(" JOIN deal d ON d.id = p.deal");
            conditions.add("d.owner = :owner");
            params.put("owner", f.owner());
        }
        if (f.sync() != null) {
            conditions.add(f.sync() == SyncState.PENDING ? "(s.state IS NULL OR s.state = 'pending')" : "s.state = :sync");
            params.put("sync", f.sync().code());
            joins.append(" LEFT JOIN payment_sync_state s ON s.payment = p.id");
        }
        if (f.search() != null && !f.search().isBlank()) {
            List<Long> found = searched(f.search());
            if (found.size() <= SEARCH_IDS_INLINE) {
                // A few payments: found by primary key, so the page and count read only them.
                if (found.isEmpty()) {
                    conditions.add("FALSE");
                } else {
                    conditions.add("p.id IN (:found)");
                    params.put("found", found);
                }
            } else {
                // A search matching most buyers: the matches as a derived table (never "p.id IN (… UNION …)",
                // which MariaDB runs once per payment).
                joins.append(" JOIN (").append(SEARCH).append(") found ON found.id = p.id");
                params.put("search", like(f.search()));
                params.put("exact", f.search().strip());
            }
        }
        return new Where(joins.toString(), conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private record Found(PaymentRow row, String accountId, String checkoutSessionId, String paymentIntentId,
                         String invoiceId, String chargeId, String balanceTransactionId, String disputeId,
                         String subscriptionId, String failureReason) {
    }

    private static Found details(ResultSet rs) throws SQLException {
        return new Found(row(rs, 0), rs.getString("account_id"), rs.getString("checkout_session_id"),
                rs.getString("payment_intent_id"), rs.getString("invoice_id"), rs.getString("charge_id"),
                rs.getString("balance_transaction_id"), rs.getString("dispute_id"), rs.getString("stripe_subscription_id"),
                rs.getString("failure_reason"));
    }

    static PaymentRow row(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        String settlement = rs.getString("settlement_currency");
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        String state = rs.getString("state");
        SyncState sync = state != null ? SyncState.of(state)
                : rs.getBigDecimal("net") != null || status == PaymentStatus.FAILED ? SyncState.SYNCED : SyncState.PENDING;
        return new PaymentRow(rs.getLong("id"), rs.getTimestamp("booked_at").toInstant(), rs.getString("buyer"),
                PaymentSources.of(rs.getString("source")), rs.getObject("quote", Long.class),
                rs.getString("quote_number"), rs.getObject("deal", Long.class), rs.getString("method"), status,
                Money.of(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("gross"), settlement),
                money(rs.getBigDecimal("fee"), settlement), money(rs.getBigDecimal("net"), settlement),
                Money.of(rs.getBigDecimal("refunded"), currency), sync, rs.getString("reason"),
                instant(rs.getTimestamp("compared_at")), rs.getString("owner"),
                rs.getObject("invoice", Long.class), rs.getString("invoice_number"), rs.getString("receipt_number"));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, Currency.getInstance(currency));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
