package com.commercehub.dashboard;

import com.commercehub.payment.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Not a test: a measuring harness, run with {@code ./mvnw -Pbench verify -Dit.test=DashboardBenchmark}
 * ({@code -Dbench.payments=N}, default 1,000,000). Generates payments in set-based SQL on a database of its
 * own — five currencies (some settled in another), 20 owners, 10 % partly refunded, 2 % disputed, 5 % failed,
 * 15 % subscription renewals and 20,000 subscriptions — rebuilds the rollups, then times each dashboard query
 * on the rollups and the same figures from the raw tables side by side, and payments-grid pages at offsets
 * through the whole table. Writes target/bench/dashboard.md.
 */
@SpringBootTest(properties = {"hub.db.database=hub_bench_dashboard"})
@ActiveProfiles("test")
@WithMockUser(username = "bench@example.com", roles = {"FINANCE", "ADMIN"})
class DashboardBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 41;
    /** The raw-table queries take seconds at a million rows: fewer runs (their p95 is then the slowest run). */
    private static final int RAW_RUNS = 7;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardService dashboard;
    @Autowired
    PaymentsPageService pages;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    TransactionTemplate transactions;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        int payments = Integer.getInteger("bench.payments", 1_000_000);
        line("# Dashboard benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), JVM "
                + System.getProperty("java.version") + ", embedded MariaDB. Server time in the service layer, median and "
                + "95th percentile of " + RUNS + " runs (raw-table queries: " + RAW_RUNS + ") after " + WARMUP + " warm-up runs.");
        line("");
        long start = System.nanoTime();
        generate(payments);
        line(String.format(Locale.ROOT, "Generated %,d payments, %,d refunds, %,d subscriptions in %.0f s.", count("payment"),
                count("payment_refund"), count("subscription"), (System.nanoTime() - start) / 1e9));
        start = System.nanoTime();
        long counted = transactions.execute(tx -> rebuild.rebuildNow());
        line(String.format(Locale.ROOT, "Rollups rebuilt from the raw tables (%,d payments counted, %,d revenue_daily rows) in %.0f s.",
                counted, count("revenue_daily"), (System.nanoTime() - start) / 1e9));
        line("");

        LocalDate end = LocalDate.of(2026, 11, 30);
        Period month = new Period(end.minusDays(29), end);
        Period year = new Period(end.minusDays(364), end);
        line("| figure | period | rollups median | rollups p95 | raw tables median | raw tables p95 | speed-up (p95) |");
        line("|---|---|---|---|---|---|---|");
        // -Dbench.only=grid measures the payments grid alone (the dashboard comparisons take most of the run).
        boolean gridOnly = "grid".equals(System.getProperty("bench.only"));
        for (Period period : gridOnly ? List.<Period>of() : List.of(month, year)) {
            String label = period == month ? "30 days" : "365 days";
            compare("KPI totals (+ previous period)", label, () -> { dashboard.totals(period); return dashboard.totals(period.previous()); },
                    () -> { rawTotals(period); return rawTotals(period.previous()); });
            compare("revenue over time (day buckets)", label, () -> dashboard.revenue(period, Bucket.DAY), () -> rawRevenue(period, "DATE(p.booked_at)"));
            compare("revenue over time (month buckets)", label, () -> dashboard.revenue(period, Bucket.MONTH),
                    () -> rawRevenue(period, "DATE_FORMAT(p.booked_at, '%Y-%m-01')"));
            compare("revenue by owner", label, () -> dashboard.slices("revenue_daily", "owner", period),
                    () -> rawSlices(period, "COALESCE(d.owner, '')"));
            compare("revenue by source", label, () -> dashboard.slices("revenue_daily", "source", period),
                    () -> rawSlices(period, PaymentSources.SQL));
            compare("revenue by product", label, () -> dashboard.slices("revenue_product_daily", "product", period),
                    () -> rawSlices(period, "''"));
            compare("MRR at period end + movement", label, () -> { dashboard.mrrAt(period); return dashboard.mrrMovement(period); },
                    this::rawMrr);
            compare("whole dashboard (all of the above)", label, () -> dashboard.figures(period, Bucket.DAY), () -> {
                rawTotals(period); rawTotals(period.previous()); rawRevenue(period, "DATE(p.booked_at)");
                rawSlices(period, "COALESCE(d.owner, '')"); rawSlices(period, PaymentSources.SQL); rawSlices(period, "''");
                return rawMrr();
            });
        }
        line("");
        line("## Payments grid (newest first, 50 rows a page)");
        line("");
        line("| request | median | p95 |");
        line("|---|---|---|");
        long total = pages.count(PaymentFilter.ALL);
        time("count (all payments)", () -> pages.count(PaymentFilter.ALL));
        for (long offset : new long[]{0, 10_000, total / 4, total / 2, total * 3 / 4, Math.max(0, total - 50)}) {
            time(String.format(Locale.ROOT, "page at offset %,d", offset), () -> pages.page(PaymentFilter.ALL, (int) offset, 50, total));
        }
        // The filters finance uses and what a SALES user always has (their own deals), each answered by day counts;
        // then the search, which skips rows of the payments it found through indexes.
        List<Map.Entry<String, PaymentFilter>> filtered = List.of(
                Map.entry("currency EUR", new PaymentFilter(null, null, null, null, "EUR", null, null, null)),
                Map.entry("status failed", new PaymentFilter(null, null, PaymentStatus.FAILED, null, null, null, null, null)),
                Map.entry("2026, EUR, succeeded", new PaymentFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        PaymentStatus.SUCCEEDED, null, "EUR", null, null, null)),
                Map.entry("owner owner7@example.com", new PaymentFilter(null, null, null, null, null, "owner7@example.com", null, null)),
                Map.entry("owner owner7@example.com, GBP, succeeded", new PaymentFilter(null, null, PaymentStatus.SUCCEEDED, null,
                        "GBP", "owner7@example.com", null, null)),
                Map.entry("source renewal", new PaymentFilter(null, null, null, PaymentSources.RENEWAL, null, null, null, null)),
                Map.entry("source quote, 2026", new PaymentFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null,
                        PaymentSources.QUOTE, null, null, null, null)),
                Map.entry("search a buyer's name 'Buyer4243'", new PaymentFilter(null, null, null, null, null, null, null, "Buyer4243")),
                Map.entry("search an e-mail 'buyer77@'", new PaymentFilter(null, null, null, null, null, null, null, "buyer77@")),
                Map.entry("search a payment intent id", new PaymentFilter(null, null, null, null, null, null, null, "pi_bench_777")),
                Map.entry("search matching every buyer 'Bench'", new PaymentFilter(null, null, null, null, null, null, null, "Bench")));
        for (var entry : filtered) {
            PaymentFilter filter = entry.getValue();
            long matching = pages.count(filter);
            time(String.format(Locale.ROOT, "count (%s: %,d)", entry.getKey(), matching), () -> pages.count(filter));
            for (long offset : new long[]{matching / 4, matching / 2, Math.max(0, matching - 50)}) {
                time(String.format(Locale.ROOT, "page at offset %,d of %s", offset, entry.getKey()),
                        () -> pages.page(filter, (int) offset, 50, matching));
            }
        }

        Path out = Path.of("target", "bench", "dashboard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("\n" + String.join("\n", report) + "\n\nWritten to " + out.toAbsolutePath());
    }

    private void generate(int payments) {
        for (String table : new String[]{"payment_sync_state", "payment_refund", "payment", "subscription"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM deal WHERE name LIKE 'Bench deal %'").update();
        Timestamp now = Timestamp.valueOf("2026-12-01 00:00:00");
        jdbc.sql("""
                INSERT INTO deal (name, owner, stage, currency, created_at, updated_at)
                SELECT CONCAT('Bench deal ', seq), CONCAT('owner', seq % 20, '@example.com'), 'CLOSED_WON', 'EUR', :now, :now
                FROM seq_1_to_1000""").param("now", now).update();
        long firstDeal = jdbc.sql("SELECT MIN(id) FROM deal WHERE name LIKE 'Bench deal %'").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO subscription (account_id, stripe_subscription_id, status, currency, period_amount, billing_interval,
                    billing_interval_count, created_at, updated_at)
                SELECT 'acct_bench', CONCAT('sub_bench_', seq), ELT(1 + seq % 10, 'active', 'active', 'active', 'active', 'active',
                       'active', 'past_due', 'canceled', 'canceled', 'trialing'),
                       ELT(1 + seq % 5, 'EUR', 'USD', 'GBP', 'JPY', 'SEK'),
                       CASE WHEN seq % 5 = 3 THEN 1000 + seq % 9000 ELSE 10 + (seq % 500) + 0.99 END,
                       IF(seq % 4 = 0, 'year', 'month'), 1,
                       DATE_SUB(:now, INTERVAL seq % 1000 DAY), :now
                FROM seq_1_to_20000""").param("now", now).update();
        // Batches of 100,000 keep each transaction's undo log small.
        for (int from = 1; from <= payments; from += 100_000) {
            int to = Math.min(payments, from + 99_999);
            jdbc.sql("""
                    INSERT INTO payment (account_id, source_key, deal, stripe_subscription_id, checkout_session_id,
                        payment_intent_id, charge_id, balance_transaction_id, method, status, amount, currency, gross, fee, net,
                        settlement_currency, exchange_rate, refunded, paid_at, created_at, updated_at)
                    SELECT 'acct_bench', CONCAT('pi_bench_', seq), IF(seq % 3 = 0, NULL, :firstDeal + seq % 1000),
                        IF(seq % 100 < 15, CONCAT('sub_bench_', 1 + seq % 20000), NULL),
                        IF(seq % 100 < 15, NULL, CONCAT('cs_bench_', seq)), CONCAT('pi_bench_', seq), CONCAT('ch_bench_', seq),
                        CONCAT('txn_bench_', seq), IF(seq % 7 = 0, 'sepa_debit', 'card'),
                        CASE WHEN seq % 100 < 5 THEN 'FAILED' WHEN seq % 100 < 7 THEN ELT(1 + seq % 3, 'DISPUTED', 'DISPUTE_WON', 'DISPUTE_LOST')
                             WHEN seq % 100 < 17 THEN 'PARTIALLY_REFUNDED' ELSE 'SUCCEEDED' END,
                        a.amount, a.currency,
                        IF(seq % 100 < 5, NULL, a.gross), IF(seq % 100 < 5, NULL, ROUND(a.gross * 0.029 + 0.30, 2)),
                        IF(seq % 100 < 5, NULL, a.gross - ROUND(a.gross * 0.029 + 0.30, 2)),
                        IF(seq % 100 < 5, NULL, a.settlement), IF(a.settlement <> a.currency, 1.1, NULL),
                        IF(seq % 100 BETWEEN 7 AND 16, ROUND(a.amount / 4, 2), 0),
                        IF(seq % 100 < 5, NULL, a.at), a.at, a.at
                    FROM (SELECT seq, ELT(1 + seq % 5, 'EUR', 'USD', 'GBP', 'JPY', 'SEK') AS currency,
                                 IF(seq % 5 = 3, 1000 + seq % 90000, 5 + (seq % 5000) + (seq % 100) / 100) AS amount,
                                 IF(seq % 5 = 1 AND seq % 2 = 0, 'EUR', ELT(1 + seq % 5, 'EUR', 'USD', 'GBP', 'JPY', 'SEK')) AS settlement,
                                 IF(seq % 5 = 1 AND seq % 2 = 0, ROUND((5 + (seq % 5000) + (seq % 100) / 100) * 1.1, 2),
                                    IF(seq % 5 = 3, 1000 + seq % 90000, 5 + (seq % 5000) + (seq % 100) / 100)) AS gross,
                                 TIMESTAMPADD(SECOND, -((seq * 97) % (3 * 365 * 86400)), :now) AS at
                          FROM seq_FIRST_to_LAST) a""".replace("FIRST", Integer.toString(from)).replace("LAST", Integer.toString(to))).param("firstDeal", firstDeal).param("now", now).update();
        }
        jdbc.sql("""
                INSERT INTO payment_refund (payment, refund_id, amount, currency, status, created_at)
                SELECT id, CONCAT('re_bench_', id), refunded, currency, 'succeeded', TIMESTAMPADD(DAY, 3, paid_at)
                FROM payment WHERE account_id = 'acct_bench' AND refunded > 0""").update();
        // Half the payments have a buyer among 10,000 contacts, for the search.
        jdbc.sql("DELETE FROM contact WHERE email LIKE '%@bench.example'").update();
        jdbc.sql("""
                INSERT INTO contact (first_name, last_name, email, created_at, updated_at)
                SELECT 'Bench', CONCAT('Buyer', seq), CONCAT('buyer', seq, '@bench.example'), :now, :now
                FROM seq_1_to_10000""").param("now", now).update();
        long firstContact = jdbc.sql("SELECT MIN(id) FROM contact WHERE email LIKE '%@bench.example'").query(Long.class).single();
        jdbc.sql("UPDATE payment SET contact = :first + id % 10000 WHERE account_id = 'acct_bench' AND id % 2 = 0")
                .param("first", firstContact).update();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private Object rawTotals(Period p) {
        List<Object> all = new ArrayList<>();
        all.addAll(jdbc.sql("SELECT currency, COUNT(*), SUM(amount), SUM(status IN ('DISPUTED', 'DISPUTE_LOST')) FROM payment p "
                + "WHERE booked_at >= :from AND booked_at < :to AND status IN (" + RollupRebuild.RECEIVED + ") GROUP BY currency")
                .param("from", from(p)).param("to", to(p)).query((rs, n) -> rs.getString(1)).list());
        all.addAll(jdbc.sql("SELECT settlement_currency, SUM(fee), SUM(net) FROM payment p WHERE booked_at >= :from AND booked_at < :to "
                + "AND status IN (" + RollupRebuild.RECEIVED + ") AND net IS NOT NULL GROUP BY settlement_currency")
                .param("from", from(p)).param("to", to(p)).query((rs, n) -> rs.getString(1)).list());
        all.addAll(jdbc.sql("SELECT currency, COUNT(*), SUM(amount) FROM payment_refund WHERE created_at >= :from AND created_at < :to "
                + "AND status IN ('succeeded', 'pending') GROUP BY currency")
                .param("from", from(p)).param("to", to(p)).query((rs, n) -> rs.getString(1)).list());
        return all;
    }

    private Object rawRevenue(Period p, String bucket) {
        return jdbc.sql("SELECT " + bucket + " AS b, p.currency, SUM(p.amount), SUM(p.net) FROM payment p WHERE p.booked_at >= :from "
                + "AND p.booked_at < :to AND p.status IN (" + RollupRebuild.RECEIVED + ") GROUP BY b, p.currency")
                .param("from", from(p)).param("to", to(p)).query((rs, n) -> rs.getString(1)).list();
    }

    private Object rawSlices(Period p, String dimension) {
        return jdbc.sql("SELECT " + dimension + " AS k, p.currency, SUM(p.amount) FROM payment p LEFT JOIN deal d ON d.id = p.deal "
                + "WHERE p.booked_at >= :from AND p.booked_at < :to AND p.status IN (" + RollupRebuild.RECEIVED + ") GROUP BY k, p.currency")
                .param("from", from(p)).param("to", to(p)).query((rs, n) -> rs.getString(1)).list();
    }

    private Object rawMrr() {
        return jdbc.sql("""
                SELECT currency, SUM(CASE WHEN billing_interval = 'year' THEN period_amount / 12 ELSE period_amount END)
                FROM subscription WHERE status IN ('active', 'past_due') GROUP BY currency""").query((rs, n) -> rs.getString(1)).list();
    }

    private static Timestamp from(Period p) {
        return Timestamp.valueOf(p.from().atStartOfDay());
    }

    private static Timestamp to(Period p) {
        return Timestamp.valueOf(p.to().plusDays(1).atStartOfDay());
    }

    private void compare(String what, String period, Supplier<Object> rollups, Supplier<Object> raw) {
        double[] fast = run(rollups, RUNS);
        double[] slow = run(raw, RAW_RUNS);
        line(String.format(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f× |", what, period,
                fast[RUNS / 2], p95(fast), slow[RAW_RUNS / 2], p95(slow), p95(slow) / Math.max(p95(fast), 0.01)));
    }

    private void time(String what, Supplier<Object> work) {
        double[] millis = run(work, RUNS);
        line(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |", what, millis[RUNS / 2], p95(millis)));
    }

    private static double[] run(Supplier<Object> work, int runs) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double p95(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    private void line(String text) {
        report.add(text);
    }
}
