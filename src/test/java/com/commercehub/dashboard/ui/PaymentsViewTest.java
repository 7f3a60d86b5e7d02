package com.commercehub.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.dashboard.PaymentRow;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import com.commercehub.testsupport.DateInput;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The payments page: filters and search, SALES seeing only their own deals' payments, the drawer, the refund dialog. */
class PaymentsViewTest extends KaribuTest {

    @Autowired
    PaymentRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private String owner;
    private String other;
    private String key;

    @BeforeEach
    void paymentsOfTwoOwners() {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        owner = "seller-" + unique + "@example.com";
        other = "other-" + unique + "@example.com";
        key = unique;
        transactions.executeWithoutResult(tx -> {
            long mine = deal(owner);
            long theirs = deal(other);
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO company (name, created_at, updated_at) VALUES (:n, :t, :t)")
                    .param("n", "Nordlicht " + key + " GmbH").param("t", now).update();
            long company = jdbc.sql("SELECT id FROM company WHERE name = :n").param("n", "Nordlicht " + key + " GmbH")
                    .query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO contact (first_name, last_name, email, created_at, updated_at)
                            VALUES ('Zoë', :last, :email, :t, :t)""")
                    .param("last", "Quist" + key).param("email", "zq" + key + "@buyer.example").param("t", now).update();
            long contact = jdbc.sql("SELECT id FROM contact WHERE email = :e").param("e", "zq" + key + "@buyer.example")
                    .query(Long.class).single();
            paid("a" + key, mine, null, null, Money.of("100.00", "EUR"), Instant.parse("2026-03-02T10:00:00Z"), PaymentStatus.SUCCEEDED);
            paid("b" + key, mine, null, company, Money.of("5000", "JPY"), Instant.parse("2026-03-05T10:00:00Z"), PaymentStatus.SUCCEEDED);
            paid("c" + key, theirs, contact, null, Money.of("70.00", "EUR"), Instant.parse("2026-03-03T10:00:00Z"), PaymentStatus.SUCCEEDED);
            records.refunds("acct_view", "ch_a" + key, List.of(new RefundFacts("re_a" + key, Money.of("30.00", "EUR"),
                    "succeeded", Instant.parse("2026-03-04T10:00:00Z"))));
        });
    }

    private long deal(String who) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO deal (name, owner, stage, currency, created_at, updated_at) VALUES ('Deal', :o, 'QUALIFIED', 'EUR', :t, :t)")
                .param("o", who).param("t", now).update();
        return jdbc.sql("SELECT MAX(id) FROM deal WHERE owner = :o").param("o", who).query(Long.class).single();
    }

    private void paid(String k, long deal, Long contact, Long company, Money amount, Instant at, PaymentStatus status) {
        Money fee = new Money(amount.amount().movePointLeft(2).multiply(java.math.BigDecimal.valueOf(3))
                .setScale(amount.currencyDecimals(), java.math.RoundingMode.HALF_UP), amount.currency());
        records.record(new PaymentFacts("acct_view", "pi_" + k, null, null, deal, contact, company, null, "cs_" + k, "pi_" + k,
                null, "ch_" + k, "card", status, amount, new Settlement("txn_" + k, amount, fee, amount.minus(fee), null),
                null, null, at));
    }

    @Test
    void finance_filters_by_owner_currency_status_and_date_and_searches_stripe_ids() {
        login("fin-" + key + "@example.com", Role.FINANCE);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);
        view.owner.setValue(owner);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(GridKt._get(view.grid, 0).amount()).isEqualTo(Money.of("5000", "JPY"));
        assertThat(String.join(" ", GridKt._getFormattedRow(view.grid, 1)))
                .contains("€100.00", "€3.00", "€97.00", "Card", "Synced", "Quote", "Partially refunded");

        view.currency.setValue("EUR");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        view.status.setValue(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        view.status.setValue(PaymentStatus.FAILED);
        assertThat(GridKt._size(view.grid)).isZero();
        view.status.clear();
        view.from.setValue(LocalDate.of(2026, 3, 3));
        assertThat(GridKt._size(view.grid)).isZero();

        view.owner.clear();
        view.currency.clear();
        view.from.clear();
        view.search.setValue("pi_c" + key);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).owner()).isEqualTo(other);

        // The buyer by name, by part of the e-mail, the company by part of its name, a charge id.
        view.search.setValue("zoë quist" + key);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).buyer()).isEqualTo("Zoë Quist" + key);
        view.search.setValue(key + "@buyer");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        view.search.setValue("nordlicht " + key);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).amount()).isEqualTo(Money.of("5000", "JPY"));
        view.search.setValue("ch_a" + key);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).amount()).isEqualTo(Money.of("100.00", "EUR"));
        view.search.setValue("Nobody " + key);
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void an_unreadable_date_in_the_range_is_reported_in_the_users_format_and_the_range_is_kept() {
        login("fin-" + key + "@example.com", Role.FINANCE);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);
        view.owner.setValue(owner);
        view.from.setValue(LocalDate.of(2026, 3, 3));
        assertThat(GridKt._size(view.grid)).isEqualTo(1);

        DateInput.typeUnreadable(view.from, "31.02.");
        assertThat(view.from.isInvalid()).isTrue();
        assertThat(view.from.getErrorMessage())
                .isEqualTo("Geben Sie ein Datum wie 31.12." + java.time.Year.now(java.time.ZoneOffset.UTC) + " ein");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
    }

    @Test
    void sales_see_only_the_payments_of_their_own_deals() {
        login(owner, Role.SALES);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);
        assertThat(view.owner.isVisible()).isFalse();
        view.search.setValue("pi_c" + key);
        assertThat(GridKt._size(view.grid)).as("another owner's payment").isZero();
        view.search.setValue("pi_a" + key);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(view.resyncRange.isVisible()).isFalse();
    }

    @Test
    void the_drawer_shows_stripe_ids_refunds_and_the_refund_dialog_refuses_more_than_is_left() {
        login("fin-" + key + "@example.com", Role.FINANCE);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);
        view.search.setValue("pi_a" + key);
        PaymentRow row = GridKt._get(view.grid, 0);
        view.grid.select(row);
        assertThat(view.drawer.isVisible()).isTrue();
        String text = view.drawer.getElement().getTextRecursively();
        assertThat(text).contains("pi_a" + key, "ch_a" + key, "txn_a" + key, "re_a" + key, "€30.00", "Partially refunded");
        assertThat(_get(view.drawer, Div.class, spec -> spec.withClasses("payment-facts")).getStyle().get("overflow-wrap"))
                .as("long Stripe ids wrap inside the drawer").isEqualTo("anywhere");
        assertThat(view.grid.getColumnByKey("sync").isFrozenToEnd())
                .as("the sync state stays in view beside the drawer, the columns before it scroll").isTrue();

        com.vaadin.flow.component.button.Button refund = _get(view.drawer, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withClasses("drawer-refund"));
        refund.click();
        RefundDialog dialog = _get(RefundDialog.class);
        assertThat(dialog.amount.getValue()).isEqualByComparingTo("70.00");
        dialog.full.setValue(false);
        dialog.amount.setValue(new java.math.BigDecimal("70.01"));
        dialog.reason.setValue("Customer asked");
        dialog.send.click();
        assertThat(dialog.amount.isInvalid()).isTrue();
        assertThat(dialog.amount.getErrorMessage()).contains("no more than what is left");

        dialog.amount.type("1,200.00");
        assertThat(dialog.amount.getValue()).as("typed with grouping").isEqualByComparingTo("1200");
        assertThat(dialog.amount.getHelperText()).isEqualTo("Read as 1,200");
        dialog.send.click();
        assertThat(dialog.amount.getErrorMessage()).contains("no more than what is left");

        dialog.amount.setValue(new java.math.BigDecimal("10"));
        dialog.reason.setValue(" ");
        dialog.send.click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.sql("SELECT refunded FROM payment WHERE payment_intent_id = :pi").param("pi", "pi_a" + key)
                .query(java.math.BigDecimal.class).single()).as("nothing changed").isEqualByComparingTo("30");
    }

    @Test
    void a_payment_that_settles_an_invoice_links_to_it_and_other_payments_offer_their_receipt_pdf() {
        var invoiceService = context.getBean(com.commercehub.invoice.InvoiceService.class);
        com.commercehub.invoice.InvoiceDetails invoice = com.commercehub.testsupport.AsAdmin.call(() -> {
            var draft = invoiceService.createDraft(new com.commercehub.invoice.InvoiceHeader(null, null, null, "Buyer",
                    "inv-" + key + "@example.com", java.util.Locale.ENGLISH, java.util.Currency.getInstance("EUR"),
                    LocalDate.now(), com.commercehub.invoice.PaymentTerms.NET_30, null, null, null, false, null, null),
                    List.of(new com.commercehub.crm.LineItemDraft(null, "Work", null, java.math.BigDecimal.ONE,
                            new java.math.BigDecimal("40.00"), null, null, null, false, null, null)));
            return invoiceService.send(draft.id(), draft.version());
        });
        transactions.executeWithoutResult(tx -> records.record(new PaymentFacts("acct_view", "pi_i" + key, null, null,
                deal(owner), null, null, null, "cs_i" + key, "pi_i" + key, null, "ch_i" + key, "card",
                PaymentStatus.SUCCEEDED, Money.of("40.00", "EUR"), null, null, null, Instant.parse("2026-03-06T10:00:00Z"),
                null, invoice.id())));
        login("fin-" + key + "@example.com", Role.FINANCE);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);

        view.search.setValue("pi_i" + key);
        PaymentRow settling = GridKt._get(view.grid, 0);
        assertThat(settling.invoice()).isEqualTo(invoice.id());
        var link = (com.vaadin.flow.component.html.Anchor) GridKt._getCellComponent(view.grid, 0, "source");
        assertThat(link.getHref()).isEqualTo("invoices/" + invoice.id());
        assertThat(link.getText()).contains("Invoice", invoice.number());
        view.grid.select(settling);
        assertThat(view.drawer.getElement().getTextRecursively()).contains(invoice.number());

        view.search.setValue("pi_a" + key);
        PaymentRow quotePayment = GridKt._get(view.grid, 0);
        assertThat(quotePayment.receiptNumber()).isNotNull();
        view.grid.select(quotePayment);
        var receipt = _get(view.drawer, com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("payment-receipt"));
        assertThat(receipt.getHref()).isEqualTo("/staff/receipts/" + quotePayment.receiptNumber() + "/pdf");
        assertThat(receipt.getText()).contains(quotePayment.receiptNumber(), "PDF");
    }

    @Test
    void a_quote_payment_names_the_quote_by_its_number_and_links_to_it() {
        long deal = deal(owner);
        Timestamp now = Timestamp.from(Instant.now());
        String number = "Q-" + key;
        jdbc.sql("""
                INSERT INTO quote (number, deal, title, owner, currency, locale, expires_on, status, status_changed_at,
                                   created_by, created_at, updated_at)
                VALUES (:n, :d, 'Quote', :o, 'EUR', 'en', :e, 'PAID', :t, :o, :t, :t)""")
                .param("n", number).param("d", deal).param("o", owner).param("e", LocalDate.now().plusDays(30))
                .param("t", now).update();
        long quote = jdbc.sql("SELECT id FROM quote WHERE number = :n").param("n", number).query(Long.class).single();
        transactions.executeWithoutResult(tx -> records.record(new PaymentFacts("acct_view", "pi_q" + key, quote, 1,
                deal, null, null, null, "cs_q" + key, "pi_q" + key, null, "ch_q" + key, "card", PaymentStatus.SUCCEEDED,
                Money.of("25.00", "EUR"), null, null, null, Instant.parse("2026-03-07T10:00:00Z"), null, null)));
        login("fin-" + key + "@example.com", Role.FINANCE);
        navigate("payments");
        PaymentsView view = _get(PaymentsView.class);

        view.search.setValue("pi_q" + key);
        var link = (com.vaadin.flow.component.html.Anchor) GridKt._getCellComponent(view.grid, 0, "source");
        assertThat(link.getHref()).isEqualTo("quotes/" + quote);
        assertThat(link.getText()).isEqualTo("Quote " + number);
    }
}
