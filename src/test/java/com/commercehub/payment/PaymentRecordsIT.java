package com.commercehub.payment;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers recording the same charge's refunds at once (a partial and then a full refund send two
 * events close together): the one whose transaction began first must not undo what the other committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentRecordsIT {

    @Autowired
    PaymentRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void refunds_another_worker_committed_meanwhile_are_kept_by_a_transaction_that_began_before() throws Exception {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String account = "acct_records_" + unique;
        String charge = "ch_records_" + unique;
        long payment = transactions.execute(tx -> records.record(new PaymentFacts(account, "pi_records_" + unique,
                null, null, null, null, null, null, null, "pi_records_" + unique, null, charge, "card",
                PaymentStatus.SUCCEEDED, eur("100.00"), null, null, null, Instant.now())).id());
        RefundFacts refund = new RefundFacts("re_records_" + unique, eur("40.00"), "succeeded", Instant.now());
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);

        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            // This transaction reads something first, as a worker does before it gets to the refunds.
            jdbc.sql("SELECT COUNT(*) FROM payment_refund").query(Long.class).single();
            snapshotTaken.countDown();
            try {
                assertThat(otherCommitted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            records.refunds(account, charge, List.of(refund));
        }));
        assertThat(snapshotTaken.await(10, TimeUnit.SECONDS)).isTrue();
        transactions.executeWithoutResult(tx -> records.refunds(account, charge, List.of(refund)));
        otherCommitted.countDown();
        earlier.get(20, TimeUnit.SECONDS);

        var stored = jdbc.sql("SELECT status, refunded FROM payment WHERE id = :id").param("id", payment)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getBigDecimal(2)}).single();
        assertThat(stored[0]).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED.name());
        assertThat((BigDecimal) stored[1]).isEqualByComparingTo("40.00");
    }
}
