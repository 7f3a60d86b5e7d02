package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payments recorded through the real {@link PaymentRecords}, on deals of a given owner. */
final class DashboardTestData {

    private DashboardTestData() {
    }

    static long deal(JdbcClient jdbc, String owner) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO deal (name, owner, stage, currency, created_at, updated_at) VALUES (:n, :o, 'QUALIFIED', 'EUR', :t, :t)")
                .param("n", "Dashboard deal " + owner).param("o", owner).param("t", now).update();
        return jdbc.sql("SELECT MAX(id) FROM deal WHERE owner = :o").param("o", owner).query(Long.class).single();
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A succeeded card payment settled in its own currency with a 3 % fee. */
    static PaymentRecords.Recorded paid(PaymentRecords records, Long deal, Money amount, Instant paidAt, String key) {
        BigDecimal fee = amount.amount().multiply(new BigDecimal("0.03")).setScale(2, java.math.RoundingMode.HALF_UP);
        Settlement settlement = new Settlement("txn_" + key, amount, new Money(fee, amount.currency()),
                new Money(amount.amount().subtract(fee), amount.currency()), null);
        return records.record(new PaymentFacts("acct_dash", "pi_" + key, null, null, deal, null, null, null,
                "cs_" + key, "pi_" + key, null, "ch_" + key, "card", PaymentStatus.SUCCEEDED, amount, settlement, null,
                null, paidAt));
    }

    static void refund(PaymentRecords records, String key, List<RefundFacts> refunds) {
        records.refunds("acct_dash", "ch_" + key, refunds);
    }
}
