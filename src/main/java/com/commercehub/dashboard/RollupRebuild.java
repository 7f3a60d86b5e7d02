package com.commercehub.dashboard;

import com.commercehub.base.security.Role;
import com.commercehub.payment.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Rebuilds every rollup from the raw payment, refund and subscription tables in set-based SQL (minutes
 * for millions of payments, not hours) — after a restore, or if a rollup is ever in doubt. It is written
 * independently of {@link RollupMaintenance}, and tests hold the two to the same result. MRR movement
 * history cannot be recovered from current records: a rebuild books each paying subscription's current
 * MRR as "new" in the month it was created.
 */
@Service
public class RollupRebuild {

    static final String RECEIVED = Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::received)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    private static final String SETTLED = "p.settlement_currency IS NOT NULL AND p.net IS NOT NULL";

    private final JdbcClient jdbc;

    RollupRebuild(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces all rollups with a fresh aggregation; returns the number of payments counted. */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public long rebuild() {
        return rebuildNow();
    }

    long rebuildNow() {
        // Webhook workers wait meanwhile instead of adding to rows being rebuilt.
        RollupMaintenance.lockRollups(jdbc);
        for (String table : new String[]{"revenue_daily", "revenue_product_daily", "mrr_movement_monthly",
                "rollup_payment_applied", "rollup_product_applied", "rollup_refund_applied",
                "rollup_subscription_applied", "payment_count_daily", "payment_count_owner_daily",
                "payment_count_source_daily", "rollup_payment_counted"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        long payments = jdbc.sql("""
                INSERT INTO rollup_payment_applied (payment, day, currency, source, owner, gross, settlement_currency,
                    fee, net, disputed)
                SELECT p.id, DATE(p.booked_at), p.currency, %s, COALESCE(d.owner, ''), p.amount,
                       CASE WHEN %s THEN p.settlement_currency END, CASE WHEN %s THEN COALESCE(p.fee, 0) ELSE 0 END,
                       CASE WHEN %s THEN p.net ELSE 0 END,
                       CASE WHEN p.status IN ('DISPUTED', 'DISPUTE_LOST') THEN p.amount ELSE 0 END
                FROM payment p LEFT JOIN deal d ON d.id = p.deal WHERE p.status IN (%s)"""
                .formatted(PaymentSources.SQL, SETTLED, SETTLED, SETTLED, RECEIVED)).update();
        jdbc.sql("""
                INSERT INTO rollup_refund_applied (refund_id, payment, day, currency, source, owner, amount)
                SELECT r.refund_id, r.payment, DATE(r.created_at), r.currency, %s, COALESCE(d.owner, ''), r.amount
                FROM payment_refund r JOIN payment p ON p.id = r.payment LEFT JOIN deal d ON d.id = p.deal
                WHERE r.status IN ('succeeded', 'pending')""".formatted(PaymentSources.SQL)).update();
        jdbc.sql("""
                INSERT INTO rollup_product_applied (payment, product, day, currency, gross)
                SELECT a.payment, l.product, a.day, a.currency, ROUND(a.gross * l.value / t.total, 4)
                FROM rollup_payment_applied a JOIN payment p ON p.id = a.payment
                JOIN (SELECT quote, LEFT(name, 255) AS product, SUM(quantity * unit_price) AS value FROM quote_line
                      GROUP BY quote, LEFT(name, 255)) l ON l.quote = p.quote
                JOIN (SELECT quote, SUM(quantity * unit_price) AS total FROM quote_line GROUP BY quote
                      HAVING SUM(quantity * unit_price) > 0) t ON t.quote = p.quote""").update();
        jdbc.sql("""
                INSERT INTO rollup_product_applied (payment, product, day, currency, gross)
                SELECT a.payment, '', a.day, a.currency, a.gross FROM rollup_payment_applied a
                WHERE NOT EXISTS (SELECT 1 FROM rollup_product_applied x WHERE x.payment = a.payment)""").update();

        jdbc.sql("""
                INSERT INTO revenue_daily (day, currency, source, owner, payments, gross, disputes, disputed)
                SELECT day, currency, source, owner, COUNT(*), SUM(gross), SUM(disputed <> 0), SUM(disputed)
                FROM rollup_payment_applied GROUP BY day, currency, source, owner""").update();
        jdbc.sql("""
                INSERT INTO revenue_daily (day, currency, source, owner, fee, net)
                SELECT day, settlement_currency, source, owner, SUM(fee), SUM(net) FROM rollup_payment_applied
                WHERE settlement_currency IS NOT NULL GROUP BY day, settlement_currency, source, owner
                ON DUPLICATE KEY UPDATE fee = fee + VALUES(fee), net = net + VALUES(net)""").update();
        jdbc.sql("""
                INSERT INTO revenue_daily (day, currency, source, owner, refunds, refunded)
                SELECT day, currency, source, owner, COUNT(*), SUM(amount) FROM rollup_refund_applied
                GROUP BY day, currency, source, owner
                ON DUPLICATE KEY UPDATE refunds = refunds + VALUES(refunds), refunded = refunded + VALUES(refunded)""")
                .update();
        jdbc.sql("""
                INSERT INTO revenue_product_daily (day, currency, product, gross)
                SELECT day, currency, product, SUM(gross) FROM rollup_product_applied GROUP BY day, currency, product""")
                .update();

        jdbc.sql("""
                INSERT INTO rollup_payment_counted (payment, day, currency, status, source, owner)
                SELECT p.id, DATE(p.booked_at), p.currency, p.status, %s, COALESCE(d.owner, '')
                FROM payment p LEFT JOIN deal d ON d.id = p.deal""".formatted(PaymentSources.SQL)).update();
        jdbc.sql("""
                INSERT INTO payment_count_daily (day, currency, status, payments)
                SELECT day, currency, status, COUNT(*) FROM rollup_payment_counted GROUP BY day, currency, status""")
                .update();
        jdbc.sql("""
                INSERT INTO payment_count_owner_daily (owner, day, source, currency, status, payments)
                SELECT owner, day, source, currency, status, COUNT(*) FROM rollup_payment_counted
                GROUP BY owner, day, source, currency, status""").update();
        jdbc.sql("""
                INSERT INTO payment_count_source_daily (source, day, currency, status, payments)
                SELECT source, day, currency, status, COUNT(*) FROM rollup_payment_counted
                GROUP BY source, day, currency, status""").update();

        jdbc.sql("""
                INSERT INTO rollup_subscription_applied (subscription, currency, mrr)
                SELECT id, currency, CASE
                    WHEN status NOT IN ('active', 'past_due') THEN 0
                    WHEN billing_interval = 'year' THEN ROUND(period_amount / (12 * billing_interval_count), 4)
                    WHEN billing_interval = 'week' THEN ROUND(period_amount * 52 / (12 * billing_interval_count), 4)
                    WHEN billing_interval = 'day' THEN ROUND(period_amount * 365 / (12 * billing_interval_count), 4)
                    ELSE ROUND(period_amount / billing_interval_count, 4) END
                FROM subscription""").update();
        jdbc.sql("""
                INSERT INTO mrr_movement_monthly (month, currency, kind, amount, subscriptions)
                SELECT DATE_FORMAT(s.created_at, '%Y-%m-01'), a.currency, 'new', SUM(a.mrr), COUNT(*)
                FROM rollup_subscription_applied a JOIN subscription s ON s.id = a.subscription WHERE a.mrr <> 0
                GROUP BY DATE_FORMAT(s.created_at, '%Y-%m-01'), a.currency""").update();
        return payments;
    }
}
