package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import com.commercehub.product.ProductCsvService;
import com.commercehub.product.ProductDraft;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductService;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection (docs/RELIABILITY.md, "Hostile input"): text that a spreadsheet would run as a formula — a cell
 * starting with = + - @ tab or CR — is defused in every CSV the product writes. The writers are found in the
 * compiled code (whoever prints with commons-csv), so a new export cannot slip past unchecked; every export kind
 * is written over rows carrying the payloads, and every cell of every file is inspected.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "finance@example.com", roles = {"ADMIN", "FINANCE"})
class CsvFormulaCellsIT {

    /** Every class that writes CSV, and the test below that proves it defuses formulas. */
    private static final Set<String> KNOWN_CSV_WRITERS = Set.of(
            "com.commercehub.dashboard.Exports",            // payments, refunds, subscriptions, journal, invoices, chart tables
            "com.commercehub.product.ProductCsv",           // the product library's layout (its defuse)
            "com.commercehub.product.ProductCsvService");   // the product export
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1");
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    @Autowired
    PaymentRecords records;
    @Autowired
    Exports exports;
    @Autowired
    ProductService products;
    @Autowired
    ProductCsvService productCsv;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_csv_writers_in_the_code_are_the_known_ones() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.commercehub");
        Set<String> writers = main.stream()
                .filter(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName()
                        .equals("org.apache.commons.csv") && !d.getTargetClass().getSimpleName().startsWith("CSVParser")
                        && !d.getTargetClass().getSimpleName().equals("CSVRecord")))
                .map(JavaClass::getName).map(name -> name.replaceAll("\\$.*", "")).collect(Collectors.toSet());
        assertThat(writers).as("a class writing CSV that this test does not check: defuse formula cells and list it")
                .isEqualTo(KNOWN_CSV_WRITERS);
    }

    @Test
    void no_cell_of_any_export_starts_a_formula() throws IOException {
        int year = 3000 + new Random().nextInt(5000);
        Period period = new Period(LocalDate.of(year, 7, 1), LocalDate.of(year, 7, 31));
        String key = DashboardTestData.unique();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            plant(PAYLOADS.get(i), key + i, period.from().plusDays(i));
        }

        Map<String, String> files = new LinkedHashMap<>();
        for (Exports.Kind kind : Exports.Kind.values()) {
            StringWriter out = new StringWriter();
            exports.write(kind, period, out, rows -> { });
            files.put(kind.name(), out.toString());
        }
        StringWriter library = new StringWriter();
        productCsv.export(new ProductFilter(key, null, null, ProductFilter.Status.ALL), library);
        files.put("PRODUCTS", library.toString());
        StringWriter chart = new StringWriter();
        Exports.writeTable(List.of("label", "value"), PAYLOADS.stream().map(p -> List.of(p, "-12.50")).toList(), chart);
        files.put("CHART_TABLE", chart.toString());

        List<String> formulas = new ArrayList<>();
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
            for (CSVRecord row : CSVParser.parse(new StringReader(file.getValue().replaceFirst("^\uFEFF", "")),
                    CSVFormat.RFC4180)) {
                for (String cell : row) {
                    cells.computeIfAbsent(file.getKey(), k -> new ArrayList<>()).add(cell);
                    if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(cell).matches()) {
                        formulas.add(file.getKey() + " line " + row.getRecordNumber() + ": " + cell.replace("\r", "\\r"));
                    }
                }
            }
        }
        assertThat(formulas).isEmpty();
        // And the payloads did reach the files (defused, not dropped): the buyer of payments and invoices, the line
        // name in the journal's detail, the product's name and description, the chart's labels. (Names are stored
        // stripped, so a leading tab or CR may be gone; what follows it must still be defused.)
        for (String payload : PAYLOADS) {
            assertDefused(cells.get("PAYMENTS"), payload + " co " + key);
            assertDefused(cells.get("INVOICES"), payload + " buyer " + key);
            assertDefused(cells.get("JOURNAL"), payload + " line " + key);
            assertDefused(cells.get("PRODUCTS"), payload + " product " + key);
            assertDefused(cells.get("PRODUCTS"), payload + " about " + key);
            assertDefused(cells.get("CHART_TABLE"), payload);
        }
        assertThat(cells.get("REFUNDS")).anyMatch(cell -> cell.startsWith("re_" + key));
        assertThat(cells.get("CHART_TABLE")).contains("-12.50");
    }

    private static void assertDefused(List<String> cells, String text) {
        String visible = text.strip();
        assertThat(cells).as("a defused cell with %s", visible.replace("\r", "\\r"))
                .anyMatch(cell -> cell.startsWith("'") && cell.substring(1).strip().startsWith(visible));
    }

    private void plant(String payload, String key, LocalDate day) {
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Timestamp now = Timestamp.from(Instant.now());
        products.create(new ProductDraft(payload + " product " + key, "CSV-" + key, payload + " about " + key,
                Money.of("10.00", "EUR"), null, null, null, null, null, null));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO company (name, created_at, updated_at) VALUES (:n, :t, :t)")
                    .param("n", payload + " co " + key).param("t", now).update();
            long company = jdbc.sql("SELECT MAX(id) FROM company").query(Long.class).single();
            long deal = DashboardTestData.deal(jdbc, "csv-" + key + "@example.com");
            jdbc.sql("""
                    INSERT INTO quote (number, deal, title, owner, currency, locale, expires_on, status, status_changed_at,
                        created_by, created_at, updated_at)
                    VALUES (:n, :deal, :title, 'finance@example.com', 'EUR', 'en', '2099-01-01', 'PAID', :t,
                        'finance@example.com', :t, :t)""")
                    .param("n", "CSV-" + key).param("deal", deal).param("title", payload + " title").param("t", now).update();
            long quote = jdbc.sql("SELECT id FROM quote WHERE number = :n").param("n", "CSV-" + key).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO quote_line (quote, line_no, name, quantity, unit_price, tax_percentage, tax_inclusive)
                    VALUES (:q, 0, :name, 1, 100, 19, FALSE)""").param("q", quote).param("name", payload + " line " + key)
                    .update();
            Money amount = Money.of("119.00", "EUR");
            Money fee = Money.of("3.00", "EUR");
            records.record(new PaymentFacts("acct_csv", "pi_" + key, quote, 1, deal, null, company, null, "cs_" + key,
                    "pi_" + key, null, "ch_" + key, "card", PaymentStatus.SUCCEEDED, amount,
                    new Settlement("txn_" + key, amount, fee, amount.minus(fee), null), null, null, at));
            records.refunds("acct_csv", "ch_" + key, List.of(new RefundFacts("re_" + key, Money.of("10.00", "EUR"),
                    "succeeded", at.plusSeconds(60))));
            jdbc.sql("""
                            INSERT INTO invoice (number, status, buyer_name, buyer_email, locale, owner, currency, issue_date,
                                                 payment_terms, due_date, total, amount_paid, status_changed_at, created_by,
                                                 created_at, updated_at)
                            VALUES (:number, 'OPEN', :buyer, 'buyer@example.com', 'en', 'finance@example.com', 'EUR', :issued,
                                    'NET_30', :due, 50, 0, :t, 'finance@example.com', :t, :t)""")
                    .param("number", "INV-CSV-" + key).param("buyer", payload + " buyer " + key)
                    .param("issued", java.sql.Date.valueOf(day)).param("due", java.sql.Date.valueOf(day.plusDays(30)))
                    .param("t", now).update();
        });
    }

}
