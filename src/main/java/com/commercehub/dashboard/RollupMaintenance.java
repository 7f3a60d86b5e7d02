package com.commercehub.dashboard;

import com.commercehub.crm.DealOwnerChanged;
import com.commercehub.payment.PaymentRecordsListener;
import com.commercehub.payment.PaymentStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the rollups current inside the transaction that recorded a payment, refund, dispute or subscription.
 * Each record's last contribution is stored ({@code rollup_*_applied}); a change subtracts it and adds the
 * new one, so repeated, late or reordered events leave the rollups equal to a fresh aggregation. The
 * writes are additive upserts applied in one global key order (table, then key), so concurrent webhooks
 * wait on each other's rows but never lock two rows in opposite orders.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RollupMaintenance implements PaymentRecordsListener {

    static final Set<String> PAYING_SUBSCRIPTION = Set.of("active", "past_due");
    static final Set<String> COUNTED_REFUND = Set.of("succeeded", "pending");

    private final JdbcClient jdbc;
    private final Clock clock;

    RollupMaintenance(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record DailyKey(LocalDate day, String currency, String source, String owner) implements Comparable<DailyKey> {
        @Override
        public int compareTo(DailyKey o) {
            int c = day.compareTo(o.day);
            if (c == 0) c = currency.compareTo(o.currency);
            if (c == 0) c = source.compareTo(o.source);
            return c != 0 ? c : owner.compareTo(o.owner);
        }
    }

    record Daily(long payments, BigDecimal gross, BigDecimal fee, BigDecimal net, long refunds, BigDecimal refunded,
                 long disputes, BigDecimal disputed) {
        static final Daily ZERO = new Daily(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
                0, BigDecimal.ZERO);

        Daily plus(Daily o, int sign) {
            BigDecimal s = BigDecimal.valueOf(sign);
            return new Daily(payments + sign * o.payments, gross.add(o.gross.multiply(s)), fee.add(o.fee.multiply(s)),
                    net.add(o.net.multiply(s)), refunds + sign * o.refunds, refunded.add(o.refunded.multiply(s)),
                    disputes + sign * o.disputes, disputed.add(o.disputed.multiply(s)));
        }

        boolean zero() {
            return payments == 0 && refunds == 0 && disputes == 0 && gross.signum() == 0 && fee.signum() == 0
                    && net.signum() == 0 && refunded.signum() == 0 && disputed.signum() == 0;
        }
    }

    record Applied(LocalDate day, String currency, String source, String owner, BigDecimal gross,
                   String settlementCurrency, BigDecimal fee, BigDecimal net, BigDecimal disputed) {
    }

    record RefundApplied(String refundId, LocalDate day, String currency, String source, String owner,
                         BigDecimal amount) {
    }

    record ProductKey(LocalDate day, String currency, String product) implements Comparable<ProductKey> {
        @Override
        public int compareTo(ProductKey o) {
            int c = day.compareTo(o.day);
            if (c == 0) c = currency.compareTo(o.currency);
            return c != 0 ? c : product.compareTo(o.product);
        }
    }

    @Override
    public void paymentChanged(long paymentId) {
        markSynced(paymentId, apply(paymentId));
    }

    /**
     * A deal changed hands: its payments' rows move to the new owner (revenue by owner and the grid's counts
     * follow the deal's current owner, as the payments page's owner filter and a SALES user's view do). Runs in
     * the transaction that saved the deal.
     */
    @EventListener
    void dealOwnerChanged(DealOwnerChanged changed) {
        for (long paymentId : jdbc.sql("SELECT id FROM payment WHERE deal = :deal ORDER BY id")
                .param("deal", changed.dealId()).query(Long.class).list()) {
            apply(paymentId);
        }
    }

    /** Brings every rollup row of the payment in line with its record; true when Stripe told us all (fee, net). */
    private boolean apply(long paymentId) {
        record Row(PaymentStatus status, BigDecimal amount, String currency, BigDecimal fee, BigDecimal net,
                   String settlementCurrency, LocalDate day, String source, String owner, Long quote) {
        }
        // Locking reads throughout: a plain read would see this transaction's snapshot, which may predate what
        // another worker committed for the same payment meanwhile, and the difference applied would then be wrong.
        lockRollups();
        Row row = jdbc.sql("SELECT p.status, p.amount, p.currency, p.fee, p.net, p.settlement_currency, DATE(p.booked_at), "
                        + PaymentSources.SQL + ", p.deal, p.quote FROM payment p WHERE p.id = :id FOR UPDATE")
                .param("id", paymentId)
                .query((rs, n) -> new Row(PaymentStatus.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                        rs.getString(8), owner(rs.getObject(9, Long.class)), rs.getObject(10, Long.class))).single();

        Applied before = jdbc.sql("""
                        SELECT day, currency, source, owner, gross, settlement_currency, fee, net, disputed
                        FROM rollup_payment_applied WHERE payment = :id FOR UPDATE""").param("id", paymentId)
                .query((rs, n) -> new Applied(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9))).optional().orElse(null);
        Applied after = null;
        if (row.status().received()) {
            boolean settled = row.settlementCurrency() != null && row.net() != null;
            BigDecimal disputed = row.status() == PaymentStatus.DISPUTED || row.status() == PaymentStatus.DISPUTE_LOST
                    ? row.amount() : BigDecimal.ZERO;
            after = new Applied(row.day(), row.currency(), row.source(), row.owner(), row.amount(),
                    settled ? row.settlementCurrency() : null, settled ? row.fee() : BigDecimal.ZERO,
                    settled ? row.net() : BigDecimal.ZERO, disputed);
        }
        Map<DailyKey, Daily> deltas = new TreeMap<>();
        addPayment(deltas, before, -1);
        addPayment(deltas, after, 1);

        List<RefundApplied> refundsBefore = jdbc.sql("""
                        SELECT refund_id, day, currency, source, owner, amount FROM rollup_refund_applied
                        WHERE payment = :id FOR UPDATE""").param("id", paymentId)
                .query((rs, n) -> new RefundApplied(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6))).list();
        List<RefundApplied> refundsAfter = jdbc.sql("""
                        SELECT refund_id, DATE(created_at), currency, amount FROM payment_refund
                        WHERE payment = :id AND status IN ('succeeded', 'pending') FOR UPDATE""").param("id", paymentId)
                .query((rs, n) -> new RefundApplied(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        row.source(), row.owner(), rs.getBigDecimal(4))).list();
        applyRefunds(deltas, refundsBefore, refundsAfter);

        Map<ProductKey, BigDecimal> productDeltas = new TreeMap<>();
        jdbc.sql("SELECT day, currency, product, gross FROM rollup_product_applied WHERE payment = :id FOR UPDATE")
                .param("id", paymentId)
                .query((rs, n) -> Map.entry(new ProductKey(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)),
                        rs.getBigDecimal(4))).list()
                .forEach(e -> productDeltas.merge(e.getKey(), e.getValue().negate(), BigDecimal::add));
        Map<String, BigDecimal> shares = after == null ? Map.of() : productShares(row.quote(), row.amount());
        for (var share : shares.entrySet()) {
            productDeltas.merge(new ProductKey(row.day(), row.currency(), share.getKey()), share.getValue(), BigDecimal::add);
        }

        writeDaily(deltas);
        writeProducts(productDeltas);
        rememberPayment(paymentId, after, refundsBefore, refundsAfter, shares, row.day(), row.currency());
        recount(paymentId, new CountKey(row.day(), row.currency(), row.status().name(), row.source(), row.owner()));
        return row.status() == PaymentStatus.FAILED || row.net() != null;
    }

    private String owner(Long deal) {
        return deal == null ? "" : jdbc.sql("SELECT owner FROM deal WHERE id = :id").param("id", deal)
                .query(String.class).optional().orElse("");
    }

    private void applyRefunds(Map<DailyKey, Daily> deltas, List<RefundApplied> before, List<RefundApplied> after) {
        for (RefundApplied refund : before) {
            merge(deltas, new DailyKey(refund.day(), refund.currency(), refund.source(), refund.owner()),
                    refundOnly(refund.amount()), -1);
        }
        for (RefundApplied refund : after) {
            merge(deltas, new DailyKey(refund.day(), refund.currency(), refund.source(), refund.owner()),
                    refundOnly(refund.amount()), 1);
        }
    }

    private static Daily refundOnly(BigDecimal amount) {
        return new Daily(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1, amount, 0, BigDecimal.ZERO);
    }

    private static void addPayment(Map<DailyKey, Daily> deltas, Applied applied, int sign) {
        if (applied == null) {
            return;
        }
        boolean disputed = applied.disputed().signum() != 0;
        merge(deltas, new DailyKey(applied.day(), applied.currency(), applied.source(), applied.owner()),
                new Daily(1, applied.gross(), BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, disputed ? 1 : 0,
                        applied.disputed()), sign);
        if (applied.settlementCurrency() != null) {
            merge(deltas, new DailyKey(applied.day(), applied.settlementCurrency(), applied.source(), applied.owner()),
                    new Daily(0, BigDecimal.ZERO, applied.fee(), applied.net(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO),
                    sign);
        }
    }

    private static void merge(Map<DailyKey, Daily> deltas, DailyKey key, Daily value, int sign) {
        deltas.merge(key, Daily.ZERO.plus(value, sign), (a, b) -> a.plus(b, 1));
    }

    /**
     * The payment shared over its quote's lines by list value (quantity × unit price), rounded to 4 places;
     * a payment without quote lines is the product "" (not attributed).
     */
    Map<String, BigDecimal> productShares(Long quote, BigDecimal amount) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        if (quote != null) {
            var lines = jdbc.sql("""
                            SELECT LEFT(name, 255), SUM(quantity * unit_price) FROM quote_line WHERE quote = :quote
                            GROUP BY LEFT(name, 255)""").param("quote", quote)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list();
            BigDecimal total = lines.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() > 0) {
                for (var line : lines) {
                    shares.put(line.getKey(), share(amount, line.getValue(), total));
                }
                return shares;
            }
        }
        shares.put("", amount);
        return shares;
    }

    static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal total) {
        return amount.multiply(part).divide(total, 4, RoundingMode.HALF_UP);
    }

    private void writeDaily(Map<DailyKey, Daily> deltas) {
        for (var entry : deltas.entrySet()) {
            Daily d = entry.getValue();
            if (d.zero()) {
                continue;
            }
            DailyKey k = entry.getKey();
            jdbc.sql("""
                            INSERT INTO revenue_daily (day, currency, source, owner, payments, gross, fee, net, refunds,
                                refunded, disputes, disputed)
                            VALUES (:day, :currency, :source, :owner, :payments, :gross, :fee, :net, :refunds, :refunded,
                                :disputes, :disputed)
                            ON DUPLICATE KEY UPDATE payments = payments + VALUES(payments), gross = gross + VALUES(gross),
                                fee = fee + VALUES(fee), net = net + VALUES(net), refunds = refunds + VALUES(refunds),
                                refunded = refunded + VALUES(refunded), disputes = disputes + VALUES(disputes),
                                disputed = disputed + VALUES(disputed)""")
                    .param("day", Date.valueOf(k.day())).param("currency", k.currency()).param("source", k.source())
                    .param("owner", k.owner()).param("payments", d.payments()).param("gross", d.gross())
                    .param("fee", d.fee()).param("net", d.net()).param("refunds", d.refunds())
                    .param("refunded", d.refunded()).param("disputes", d.disputes()).param("disputed", d.disputed())
                    .update();
        }
    }

    private void writeProducts(Map<ProductKey, BigDecimal> deltas) {
        for (var entry : deltas.entrySet()) {
            if (entry.getValue().signum() == 0) {
                continue;
            }
            ProductKey k = entry.getKey();
            jdbc.sql("""
                            INSERT INTO revenue_product_daily (day, currency, product, gross)
                            VALUES (:day, :currency, :product, :gross)
                            ON DUPLICATE KEY UPDATE gross = gross + VALUES(gross)""")
                    .param("day", Date.valueOf(k.day())).param("currency", k.currency()).param("product", k.product())
                    .param("gross", entry.getValue()).update();
        }
    }

    private void rememberPayment(long paymentId, Applied after, List<RefundApplied> refundsBefore,
                                 List<RefundApplied> refundsAfter, Map<String, BigDecimal> shares, LocalDate day,
                                 String currency) {
        jdbc.sql("DELETE FROM rollup_payment_applied WHERE payment = :id").param("id", paymentId).update();
        jdbc.sql("DELETE FROM rollup_product_applied WHERE payment = :id").param("id", paymentId).update();
        if (!refundsBefore.isEmpty()) {
            jdbc.sql("DELETE FROM rollup_refund_applied WHERE payment = :id").param("id", paymentId).update();
        }
        if (after != null) {
            jdbc.sql("""
                            INSERT INTO rollup_payment_applied (payment, day, currency, source, owner, gross,
                                settlement_currency, fee, net, disputed)
                            VALUES (:id, :day, :currency, :source, :owner, :gross, :settlement, :fee, :net, :disputed)""")
                    .param("id", paymentId).param("day", Date.valueOf(after.day())).param("currency", after.currency())
                    .param("source", after.source()).param("owner", after.owner()).param("gross", after.gross())
                    .param("settlement", after.settlementCurrency()).param("fee", after.fee()).param("net", after.net())
                    .param("disputed", after.disputed()).update();
            for (var share : shares.entrySet()) {
                jdbc.sql("""
                                INSERT INTO rollup_product_applied (payment, product, day, currency, gross)
                                VALUES (:id, :product, :day, :currency, :gross)""")
                        .param("id", paymentId).param("product", share.getKey()).param("day", Date.valueOf(day))
                        .param("currency", currency).param("gross", share.getValue()).update();
            }
        }
        for (RefundApplied refund : refundsAfter) {
            jdbc.sql("""
                            INSERT INTO rollup_refund_applied (refund_id, payment, day, currency, source, owner, amount)
                            VALUES (:refund, :payment, :day, :currency, :source, :owner, :amount)""")
                    .param("refund", refund.refundId()).param("payment", paymentId)
                    .param("day", Date.valueOf(refund.day())).param("currency", refund.currency())
                    .param("source", refund.source()).param("owner", refund.owner()).param("amount", refund.amount())
                    .update();
        }
    }

    record CountKey(LocalDate day, String currency, String status, String source, String owner) {
    }

    /**
     * Moves the payment's count to the rows of its current day, currency, status, source and owner (V73, V80).
     * The owner is the deal's owner now, so the grid's count for a SALES user matches the rows they see.
     */
    private void recount(long paymentId, CountKey now) {
        CountKey before = jdbc.sql("""
                        SELECT day, currency, status, source, owner FROM rollup_payment_counted WHERE payment = :id FOR UPDATE""")
                .param("id", paymentId)
                .query((rs, n) -> new CountKey(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional().orElse(null);
        if (now.equals(before)) {
            return;
        }
        if (before != null) {
            addCount(before, -1);
        }
        addCount(now, 1);
        jdbc.sql("""
                        INSERT INTO rollup_payment_counted (payment, day, currency, status, source, owner)
                        VALUES (:id, :day, :currency, :status, :source, :owner)
                        ON DUPLICATE KEY UPDATE day = VALUES(day), currency = VALUES(currency), status = VALUES(status),
                            source = VALUES(source), owner = VALUES(owner)""")
                .param("id", paymentId).param("day", Date.valueOf(now.day())).param("currency", now.currency())
                .param("status", now.status()).param("source", now.source()).param("owner", now.owner()).update();
    }

    private void addCount(CountKey key, int delta) {
        jdbc.sql("""
                        INSERT INTO payment_count_daily (day, currency, status, payments) VALUES (:day, :currency, :status, :delta)
                        ON DUPLICATE KEY UPDATE payments = payments + VALUES(payments)""")
                .param("day", Date.valueOf(key.day())).param("currency", key.currency()).param("status", key.status())
                .param("delta", delta).update();
        jdbc.sql("""
                        INSERT INTO payment_count_owner_daily (owner, day, source, currency, status, payments)
                        VALUES (:owner, :day, :source, :currency, :status, :delta)
                        ON DUPLICATE KEY UPDATE payments = payments + VALUES(payments)""")
                .param("owner", key.owner()).param("day", Date.valueOf(key.day())).param("source", key.source())
                .param("currency", key.currency()).param("status", key.status()).param("delta", delta).update();
        jdbc.sql("""
                        INSERT INTO payment_count_source_daily (source, day, currency, status, payments)
                        VALUES (:source, :day, :currency, :status, :delta)
                        ON DUPLICATE KEY UPDATE payments = payments + VALUES(payments)""")
                .param("source", key.source()).param("day", Date.valueOf(key.day())).param("currency", key.currency())
                .param("status", key.status()).param("delta", delta).update();
    }

    /**
     * Rollup writers one at a time (see V49's {@code rollup_lock}): the locking reads below would otherwise take
     * gap locks on applied rows not there yet, on which concurrent workers' inserts deadlock.
     */
    static void lockRollups(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("SELECT id FROM rollup_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    private void lockRollups() {
        lockRollups(jdbc);
    }

    /** Whatever Stripe just told us is what it says now: the payment is in step (or waits for its fee). */
    private void markSynced(long paymentId, boolean complete) {
        jdbc.sql("""
                        INSERT INTO payment_sync_state (payment, state, reason, compared_at) VALUES (:id, :state, NULL, :now)
                        ON DUPLICATE KEY UPDATE state = VALUES(state), reason = NULL, compared_at = VALUES(compared_at)""")
                .param("id", paymentId).param("state", complete ? SyncState.SYNCED.code() : SyncState.PENDING.code())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    public void subscriptionChanged(long subscriptionId) {
        record Row(String status, String currency, BigDecimal amount, String interval, int count) {
        }
        lockRollups();
        Row row = jdbc.sql("""
                        SELECT status, currency, period_amount, billing_interval, billing_interval_count
                        FROM subscription WHERE id = :id FOR UPDATE""").param("id", subscriptionId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getInt(5))).single();
        record Mrr(String currency, BigDecimal amount) {
        }
        Mrr before = jdbc.sql("SELECT currency, mrr FROM rollup_subscription_applied WHERE subscription = :id FOR UPDATE")
                .param("id", subscriptionId).query((rs, n) -> new Mrr(rs.getString(1), rs.getBigDecimal(2)))
                .optional().orElse(null);
        BigDecimal now = PAYING_SUBSCRIPTION.contains(row.status()) ? monthly(row.amount(), row.interval(), row.count())
                : BigDecimal.ZERO;
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        List<Object[]> movements = new ArrayList<>();
        if (before != null && !before.currency().equals(row.currency())) {
            movements.add(new Object[]{before.currency(), "churn", before.amount().negate(), -1});
            before = null;
        }
        BigDecimal was = before == null ? BigDecimal.ZERO : before.amount();
        int compared = now.compareTo(was);
        if (compared != 0) {
            if (was.signum() == 0) {
                movements.add(new Object[]{row.currency(), "new", now, 1});
            } else if (now.signum() == 0) {
                movements.add(new Object[]{row.currency(), "churn", was.negate(), -1});
            } else {
                movements.add(new Object[]{row.currency(), compared > 0 ? "expansion" : "contraction", now.subtract(was), 0});
            }
        }
        movements.sort((a, b) -> ((String) a[0] + a[1]).compareTo((String) b[0] + b[1]));
        for (Object[] m : movements) {
            jdbc.sql("""
                            INSERT INTO mrr_movement_monthly (month, currency, kind, amount, subscriptions)
                            VALUES (:month, :currency, :kind, :amount, :subs)
                            ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount),
                                subscriptions = subscriptions + VALUES(subscriptions)""")
                    .param("month", Date.valueOf(month)).param("currency", m[0]).param("kind", m[1])
                    .param("amount", m[2]).param("subs", m[3]).update();
        }
        jdbc.sql("""
                        INSERT INTO rollup_subscription_applied (subscription, currency, mrr) VALUES (:id, :currency, :mrr)
                        ON DUPLICATE KEY UPDATE currency = VALUES(currency), mrr = VALUES(mrr)""")
                .param("id", subscriptionId).param("currency", row.currency()).param("mrr", now).update();
    }

    /** A period's amount as a monthly amount: a year is 12 months, a week 52/12 of a month, a day 365/12. */
    static BigDecimal monthly(BigDecimal amount, String interval, int count) {
        BigDecimal perMonth = switch (interval) {
            case "year" -> amount.divide(BigDecimal.valueOf(12L * count), 4, RoundingMode.HALF_UP);
            case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12L * count), 4, RoundingMode.HALF_UP);
            case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(12L * count), 4, RoundingMode.HALF_UP);
            default -> amount.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
        };
        return perMonth;
    }
}
