package com.commercehub.dashboard.ui;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import com.commercehub.dashboard.Exports;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's KPI cards against the previous period, per currency, and each chart's table view. */
class DashboardViewTest extends KaribuTest {

    @Autowired
    PaymentRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void open_and_overdue_invoice_amounts_show_per_currency_and_leave_paid_void_and_drafts_out() {
        // a currency no other test invoices in, so the sums are this test's own
        String key = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        invoice(key, "OPEN", "UYU", "1000.00", "0", today.plusDays(10));
        invoice(key, "PARTIALLY_PAID", "UYU", "500.00", "200.00", today.plusDays(5));
        invoice(key, "OVERDUE", "UYU", "300.00", "50.00", today.minusDays(3));
        invoice(key, "PAID", "UYU", "700.00", "700.00", today.minusDays(1));
        invoice(key, "VOID", "UYU", "900.00", "0", today.plusDays(1));
        invoice(key, "DRAFT", "UYU", "800.00", "0", today.plusDays(1));
        invoice(key, "UNCOLLECTIBLE", "UYU", "600.00", "0", today.minusDays(40));
        invoice(key, "OVERDUE", "MNT", "4000.00", "0", today.minusDays(2));

        login("finance-inv-" + key + "@example.com", Role.FINANCE);
        navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(view.currency.getListDataView().getItems().toList()).contains("UYU", "MNT");
        view.currency.setValue("UYU");
        view.refresh();
        // open: 1000 + (500 − 200) + (300 − 50) = 1550; overdue: 250
        assertThat(card(view, "open-invoices")).contains("Open invoices", "1,550.00");
        assertThat(card(view, "overdue-invoices")).contains("Overdue invoices", "250.00");
        assertThat(view.cards.getElement().getTextRecursively()).doesNotContain("4,000");

        view.currency.setValue("MNT");
        view.refresh();
        assertThat(card(view, "open-invoices")).contains("4,000");
        assertThat(card(view, "overdue-invoices")).contains("4,000");
    }

    @Test
    void an_export_is_written_in_the_background_with_a_progress_bar_then_offered_for_download() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        int year = 3000 + new Random().nextInt(5000);
        invoiceIssued(key, LocalDate.of(year, 6, 3));
        login("finance-exp-" + key + "@example.com", Role.FINANCE);
        navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        view.from.setValue(LocalDate.of(year, 6, 1));
        view.to.setValue(LocalDate.of(year, 6, 30));

        ButtonKt._click(view.exportButtons.get(Exports.Kind.INVOICES));
        // until the job reports back in the UI, the bar runs and the export buttons wait
        assertThat(view.exportProgress.isVisible()).isTrue();
        assertThat(view.exportStatus.getText()).isEqualTo("Writing the export…");
        assertThat(view.exportButtons.get(Exports.Kind.PAYMENTS).isEnabled()).isFalse();
        view.progressTo(UI.getCurrent()).accept(2000);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.exportStatus.getText()).isEqualTo("2,000 rows written so far");

        view.runningExport.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(view.exportProgress.isVisible()).isFalse();
        assertThat(view.exportButtons.get(Exports.Kind.PAYMENTS).isEnabled()).isTrue();
        Anchor download = _get(view.exportReady, Anchor.class);
        assertThat(download.getText()).isEqualTo("Download invoices-" + year + "-06-01-" + year + "-06-30.csv (1 rows)");
        assertThat(java.nio.file.Files.readString(view.exportedFile)).startsWith("\uFEFFnumber,").contains("DASH-" + key);
    }

    private void invoiceIssued(String key, LocalDate issued) {
        invoice(key, "OPEN", "EUR", "10.00", "0", issued.plusDays(30));
        jdbc.sql("UPDATE invoice SET issue_date = :d WHERE number LIKE :n").param("d", java.sql.Date.valueOf(issued))
                .param("n", "DASH-" + key + "-%").update();
    }

    private void invoice(String key, String status, String currency, String total, String paid, LocalDate due) {
        jdbc.sql("""
                        INSERT INTO invoice (number, status, buyer_name, buyer_email, locale, owner, currency, issue_date,
                                             payment_terms, due_date, total, amount_paid, status_changed_at, created_by, created_at, updated_at)
                        VALUES (:number, :status, 'Dash Buyer', 'buyer@example.com', 'en', 'owner@example.com', :currency,
                                :issued, 'DUE_ON_RECEIPT', :due, :total, :paid, CURRENT_TIMESTAMP(6), 'owner@example.com',
                                CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""")
                .param("number", status.equals("DRAFT") ? null : "DASH-" + key + "-" + UUID.randomUUID().toString().substring(0, 6))
                .param("status", status).param("currency", currency)
                .param("issued", java.sql.Date.valueOf(LocalDate.of(2000, 1, 1))).param("due", java.sql.Date.valueOf(due))
                .param("total", new java.math.BigDecimal(total)).param("paid", new java.math.BigDecimal(paid)).update();
    }

    @Test
    void kpis_compare_with_the_previous_period_and_never_mix_currencies() {
        // a year of its own, so other tests' payments stay out of the figures
        int year = 3000 + new Random().nextInt(5000);
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        transactions.executeWithoutResult(tx -> {
            paid("1" + key, Money.of("100.00", "EUR"), LocalDate.of(year, 5, 10));
            paid("2" + key, Money.of("300.00", "EUR"), LocalDate.of(year, 5, 20));
            paid("3" + key, Money.of("9000", "JPY"), LocalDate.of(year, 5, 21));
            paid("4" + key, Money.of("50.00", "EUR"), LocalDate.of(year, 4, 15));
            records.refunds("acct_dash_view", "ch_2" + key, List.of(new RefundFacts("re_2" + key, Money.of("40.00", "EUR"),
                    "succeeded", LocalDate.of(year, 5, 22).atStartOfDay(ZoneOffset.UTC).toInstant())));
        });
        login("finance-" + key + "@example.com", Role.FINANCE);
        navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        view.from.setValue(LocalDate.of(year, 5, 1));
        view.to.setValue(LocalDate.of(year, 5, 31));
        // other tests' open invoices may add their currencies: the period's payments bring exactly these two first
        assertThat(view.currency.getListDataView().getItems().toList().subList(0, 2)).containsExactlyInAnyOrder("EUR", "JPY");
        view.currency.setValue("EUR");
        view.refresh();

        assertThat(card(view, "gross")).contains("€400.00", "Previous period: €50.00", "+700");
        // net: 400 less 3 % fee = 388, less the 40 refunded
        assertThat(card(view, "net")).contains("€348.00");
        assertThat(card(view, "fees")).contains("€12.00");
        assertThat(card(view, "refunds")).contains("€40.00");
        assertThat(card(view, "count")).contains("2", "Previous period: 1");
        assertThat(card(view, "average")).contains("€200.00");
        assertThat(view.cards.getElement().getTextRecursively()).doesNotContain("¥");

        String revenueTable = view.revenue.table.getElement().getTextRecursively();
        assertThat(revenueTable).contains("€100.00", "€300.00", "€291.00").doesNotContain("9,000");
        assertThat(view.bySource.table.getElement().getTextRecursively()).contains("Quote", "€400.00");
        assertThat(view.byOwner.table.getElement().getTextRecursively()).contains("No deal owner");

        // each chart's table view downloads as CSV, the same cells as on screen
        assertThat(view.revenue.download.getText()).isEqualTo("Download table (CSV)");
        assertThat(view.revenue.fileName).isEqualTo("revenue-EUR-" + year + "-05-01-" + year + "-05-31.csv");
        java.io.StringWriter csv = new java.io.StringWriter();
        view.revenue.writeCsv(csv);
        assertThat(csv.toString()).startsWith("\uFEFF").contains("€100.00", "€300.00", "€291.00").doesNotContain("9,000");
        assertThat(csv.toString().lines().count()).isEqualTo(view.revenue.table.getElement().getChild(1).getChildCount() + 1);

        view.currency.setValue("JPY");
        view.refresh();
        assertThat(card(view, "gross")).contains("9,000");
    }

    private void paid(String k, Money amount, LocalDate day) {
        Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Money fee = new Money(amount.amount().multiply(new java.math.BigDecimal("0.03"))
                .setScale(amount.currencyDecimals(), java.math.RoundingMode.HALF_UP), amount.currency());
        records.record(new PaymentFacts("acct_dash_view", "pi_" + k, null, null, null, null, null, null, "cs_" + k,
                "pi_" + k, null, "ch_" + k, "card", PaymentStatus.SUCCEEDED, amount,
                new Settlement("txn_" + k, amount, fee, amount.minus(fee), null), null, null, at));
    }

    private static String card(DashboardView view, String kpi) {
        return view.cards.getChildren().filter(c -> kpi.equals(c.getElement().getAttribute("data-kpi"))).findFirst()
                .orElseThrow().getElement().getTextRecursively();
    }
}
