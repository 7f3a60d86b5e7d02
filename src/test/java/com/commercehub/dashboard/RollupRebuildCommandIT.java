package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.Settlement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rebuild-rollups} from the command line: a corrupted rollup row (as after a bad restore) is put right
 * by the command's entry point, which starts only the database, beside the running app.
 */
@SpringBootTest
@ActiveProfiles("test")
class RollupRebuildCommandIT {

    @Autowired
    PaymentRecords records;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_command_puts_a_corrupted_rollup_row_right() {
        LocalDate day = LocalDate.of(3000 + new Random().nextInt(5000), 7, 14);
        String key = DashboardTestData.unique();
        Money amount = Money.of("250.00", "EUR");
        Money fee = Money.of("7.50", "EUR");
        transactions.executeWithoutResult(tx -> records.record(new PaymentFacts("acct_rebuild_cmd", "pi_" + key, null, null, null, null, null, null, "cs_" + key,
                "pi_" + key, null, "ch_" + key, "card", PaymentStatus.SUCCEEDED, amount,
                new Settlement("txn_" + key, amount, fee, amount.minus(fee), null), null, null,
                day.atTime(10, 0).toInstant(ZoneOffset.UTC))));
        assertThat(gross(day)).isEqualByComparingTo("250.00");
        jdbc.sql("UPDATE revenue_daily SET gross = gross + 999, payments = payments + 5 WHERE day = :day")
                .param("day", Date.valueOf(day)).update();
        assertThat(gross(day)).isEqualByComparingTo("1249.00");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RollupRebuildCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "rebuild-rollups", "--spring.profiles.active=test");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Rollups rebuilt: ").contains("payments counted.");
        assertThat(gross(day)).isEqualByComparingTo("250.00");
        assertThat(jdbc.sql("SELECT SUM(payments) FROM revenue_daily WHERE day = :day").param("day", Date.valueOf(day))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void stray_arguments_are_refused_with_the_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RollupRebuildCommand.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                "rebuild-rollups", "now");
        assertThat(exit).isEqualTo(RollupRebuildCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: rebuild-rollups");
    }

    private BigDecimal gross(LocalDate day) {
        return jdbc.sql("SELECT SUM(gross) FROM revenue_daily WHERE day = :day").param("day", Date.valueOf(day))
                .query(BigDecimal.class).single();
    }
}
