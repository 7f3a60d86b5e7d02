package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounting journal balances to zero per currency for a period of random payments (with quote lines at
 * several tax rates, conversions, refunds, disputes); a locked period's export never changes and a late
 * refund lands in the next open period; CSV exports carry a BOM and defuse formulas.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "finance@example.com", roles = "FINANCE")
class JournalAndExportsIT {

    @Autowired
    PaymentRecords records;
    @Autowired
    AccountingJournal journal;
    @Autowired
    Exports exports;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_journal_balances_per_currency_and_a_locked_period_never_changes() {
        Random random = new Random();
        int year = 3000 + random.nextInt(5000);
        Period may = new Period(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 31));
        Period june = new Period(LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30));
        String key = DashboardTestData.unique();
        long quote = quoteWithLines(key);
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 25; i++) {
                String k = key + i;
                String currency = List.of("EUR", "JPY", "KWD").get(random.nextInt(3));
                int decimals = Money.decimalsOf(java.util.Currency.getInstance(currency));
                Money amount = Money.of(BigDecimal.valueOf(1000 + random.nextInt(900_000), decimals), currency);
                boolean converted = random.nextBoolean();
                Money gross = converted ? Money.of(amount.amount().multiply(new BigDecimal("0.7")).setScale(2, java.math.RoundingMode.HALF_UP), "USD") : amount;
                Money fee = new Money(gross.amount().multiply(new BigDecimal("0.029")).setScale(gross.currencyDecimals(),
                        java.math.RoundingMode.HALF_UP), gross.currency());
                Instant at = may.from().plusDays(random.nextInt(31)).atTime(9, 0).toInstant(ZoneOffset.UTC);
                records.record(new PaymentFacts("acct_journal", "pi_" + k, i % 2 == 0 ? quote : null, 1, null, null, null, null,
                        "cs_" + k, "pi_" + k, null, "ch_" + k, "card", PaymentStatus.SUCCEEDED, amount,
                        new Settlement("txn_" + k, gross, fee, gross.minus(fee), converted ? new BigDecimal("0.7") : null),
                        null, null, at));
                if (i % 4 == 0) {
                    records.refunds("acct_journal", "ch_" + k, List.of(new RefundFacts("re_" + k,
                            new Money(amount.amount().divide(BigDecimal.valueOf(3), decimals, java.math.RoundingMode.DOWN), amount.currency()),
                            "succeeded", at.plusSeconds(3600))));
                }
                if (i % 5 == 0) {
                    records.dispute("acct_journal", "ch_" + k, "dp_" + k, PaymentStatus.DISPUTE_LOST);
                }
            }
        });

        List<JournalLine> lines = journal.lines(may);
        assertThat(lines).extracting(JournalLine::account).contains(JournalLine.REVENUE, JournalLine.TAX_PAYABLE,
                JournalLine.STRIPE_FEES, JournalLine.FX_DIFFERENCES, JournalLine.REFUNDS, JournalLine.DISPUTES);
        assertThat(balances(lines)).allSatisfy((currency, balance) -> assertThat(balance).as(currency).isEqualByComparingTo("0"));
        assertThat(lines.stream().collect(Collectors.groupingBy(JournalLine::entryKey))).allSatisfy((entry, ofEntry) ->
                assertThat(balances(ofEntry)).as(entry).allSatisfy((c, b) -> assertThat(b).isEqualByComparingTo("0")));

        String before = csv(Exports.Kind.JOURNAL, may);
        journal.lock(may);
        assertThat(csv(Exports.Kind.JOURNAL, may)).isEqualTo(before);

        // a late refund of a May payment, after May was locked
        transactions.executeWithoutResult(tx -> records.refunds("acct_journal", "ch_" + key + "1", List.of(new RefundFacts(
                "re_late_" + key, Money.of(BigDecimal.ONE, currencyOf(key + "1")), "succeeded",
                may.from().plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        assertThat(csv(Exports.Kind.JOURNAL, may)).as("locked").isEqualTo(before);
        List<JournalLine> juneLines = journal.lines(june);
        assertThat(juneLines).filteredOn(l -> l.entryKey().equals("refund:re_late_" + key)).hasSize(2)
                .allSatisfy(l -> assertThat(l.bookedOn()).isEqualTo(june.from()));
        assertThat(balances(juneLines)).allSatisfy((c, b) -> assertThat(b).isEqualByComparingTo("0"));
    }

    @Test
    void csv_exports_start_with_a_bom_and_defuse_formulas() {
        int year = 3000 + new Random().nextInt(5000);
        Period day = new Period(LocalDate.of(year, 2, 3), LocalDate.of(year, 2, 3));
        String key = DashboardTestData.unique();
        transactions.executeWithoutResult(tx -> {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO company (name, created_at, updated_at) VALUES (:n, :t, :t)")
                    .param("n", "=HYPERLINK(\"http://evil\")" + key).param("t", now).update();
            long company = jdbc.sql("SELECT MAX(id) FROM company").query(Long.class).single();
            records.record(new PaymentFacts("acct_journal", "pi_x" + key, null, null, null, null, company, null, "cs_x" + key,
                    "pi_x" + key, null, "ch_x" + key, "card", PaymentStatus.SUCCEEDED, Money.of("12.50", "EUR"), null, null,
                    null, day.from().atTime(8, 0).toInstant(ZoneOffset.UTC)));
        });
        String payments = csv(Exports.Kind.PAYMENTS, day);
        assertThat(payments).startsWith("\uFEFFid,date,status,source,buyer");
        assertThat(payments).contains("'=HYPERLINK").contains("12.50,EUR").doesNotContain(",=HYPERLINK");
        // Amounts carry the currency's decimals, as a spreadsheet user expects ("12.50", not the database's "12.5000").
        assertThat(payments).doesNotContain(".0000", "12.5000");
        assertThat(csv(Exports.Kind.JOURNAL, day)).contains(",EUR,12.50,0.00,").doesNotContain("12.5000");
    }

    @Test
    void invoices_export_lists_the_period_s_issued_invoices_with_what_is_still_due_and_defuses_formulas() {
        int year = 3000 + new Random().nextInt(5000);
        Period march = new Period(LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31));
        String key = DashboardTestData.unique();
        invoice("INV-A" + key, "PARTIALLY_PAID", "=cmd|' /C calc'!A0", "500.00", "200.00", LocalDate.of(year, 3, 5));
        invoice("INV-B" + key, "PAID", "Zoë Ångström", "80.00", "80.00", LocalDate.of(year, 3, 31));
        invoice(null, "DRAFT", "Draft Buyer " + key, "70.00", "0", LocalDate.of(year, 3, 10));
        invoice("INV-C" + key, "OPEN", "Next Month " + key, "60.00", "0", LocalDate.of(year, 4, 1));

        String csv = csv(Exports.Kind.INVOICES, march);
        assertThat(csv).startsWith("\uFEFFnumber,issue_date,due_date,status,buyer,buyer_email,currency,total,amount_paid,amount_due");
        List<String> rows = csv.lines().filter(l -> l.contains(key)).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).startsWith("INV-A" + key + "," + year + "-03-05,")
                .contains(",PARTIALLY_PAID,", "'=cmd|", "500.00,200.00,300.00").doesNotContain(",=cmd");
        assertThat(rows.get(1)).contains("INV-B" + key, "Zoë Ångström", "80.00,80.00,0.00");
        assertThat(csv).doesNotContain("Draft Buyer " + key, "Next Month " + key);
    }

    private void invoice(String number, String status, String buyer, String total, String paid, LocalDate issued) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO invoice (number, status, buyer_name, buyer_email, locale, owner, currency, issue_date,
                                             payment_terms, due_date, total, amount_paid, status_changed_at, created_by,
                                             created_at, updated_at)
                        VALUES (:number, :status, :buyer, 'buyer@example.com', 'en', 'finance@example.com', 'EUR', :issued,
                                'NET_30', :due, :total, :paid, :t, 'finance@example.com', :t, :t)""")
                .param("number", number).param("status", status).param("buyer", buyer)
                .param("issued", java.sql.Date.valueOf(issued)).param("due", java.sql.Date.valueOf(issued.plusDays(30)))
                .param("total", new BigDecimal(total)).param("paid", new BigDecimal(paid)).param("t", now).update();
    }

    private String currencyOf(String k) {
        return jdbc.sql("SELECT currency FROM payment WHERE charge_id = :c").param("c", "ch_" + k).query(String.class).single();
    }

    private String csv(Exports.Kind kind, Period period) {
        StringWriter out = new StringWriter();
        exports.write(kind, period, out, rows -> { });
        return out.toString();
    }

    private static Map<String, BigDecimal> balances(List<JournalLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(JournalLine::currency,
                Collectors.reducing(BigDecimal.ZERO, l -> l.debit().subtract(l.credit()), BigDecimal::add)));
    }

    private long quoteWithLines(String key) {
        return transactions.execute(tx -> {
            Timestamp now = Timestamp.from(Instant.now());
            long deal = DashboardTestData.deal(jdbc, "journal-" + key + "@example.com");
            jdbc.sql("""
                    INSERT INTO quote (number, deal, title, owner, currency, locale, expires_on, status, status_changed_at,
                        created_by, created_at, updated_at)
                    VALUES (:n, :deal, 'Journal quote', 'finance@example.com', 'EUR', 'en', '2099-01-01', 'PAID', :t,
                        'finance@example.com', :t, :t)""")
                    .param("n", "J-" + key).param("deal", deal).param("t", now).update();
            long id = jdbc.sql("SELECT id FROM quote WHERE number = :n").param("n", "J-" + key).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO quote_line (quote, line_no, name, quantity, unit_price, tax_percentage, tax_inclusive)
                    VALUES (:q, 0, 'Workshop', 1, 1000, 19, FALSE), (:q, 1, 'Licence', 3, 99.99, 7, FALSE),
                           (:q, 2, 'Book', 2, 25, 0, TRUE)""").param("q", id).update();
            return id;
        });
    }
}
