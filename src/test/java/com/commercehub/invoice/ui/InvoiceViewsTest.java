package com.commercehub.invoice.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.ui.LineDialog;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceListEntry;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.Press;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceViewsTest extends KaribuTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    com.commercehub.product.ProductService products;
    @Autowired
    com.commercehub.crm.DealService deals;
    @Autowired
    com.commercehub.crm.CompanyService companies;
    @Autowired
    com.commercehub.crm.ContactService contacts;
    @Autowired
    com.commercehub.base.security.UserService users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private InvoiceDetails draft(String buyer) {
        return AsAdmin.call(() -> invoices.createDraft(new InvoiceHeader(null, null, null, buyer,
                "list-" + UUID.randomUUID() + "@example.com", Locale.ENGLISH, Currency.getInstance("USD"),
                LocalDate.of(2026, 3, 1), PaymentTerms.NET_15, null, null, null, false, null, null),
                List.of(new LineItemDraft(null, "Setup", null, new BigDecimal("2"), new BigDecimal("125.00"), null, null,
                        null, false, null, null))));
    }

    @Test
    void the_list_finds_an_invoice_by_buyer_and_shows_its_status_due_date_and_amounts() {
        String buyer = "Listed Buyer " + UUID.randomUUID();
        InvoiceDetails sent = AsAdmin.call(() -> {
            InvoiceDetails d = draft(buyer);
            return invoices.send(d.id(), d.version());
        });
        login("fay@example.com", Role.FINANCE);
        navigate("invoices");
        InvoicesView view = _get(InvoicesView.class);
        assertThat(view.add.isVisible()).isFalse(); // finance reads
        // The buyer column is as wide as its names and header (German "Rechnungsempfänger" was cut at 1360 px).
        assertThat(view.grid.getColumnByKey("buyer").isAutoWidth()).isTrue();
        view.search.setValue(buyer);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        InvoiceListEntry row = GridKt._get(view.grid, 0);
        assertThat(row.number()).isEqualTo(sent.number());
        assertThat(GridKt._getFormatted(view.grid, 0, "status")).isEqualTo("Open");
        assertThat(GridKt._getFormatted(view.grid, 0, "total")).isEqualTo("$250.00");
        // On a phone the number and the amount due stay in view while the columns between them scroll.
        assertThat(view.grid.getColumnByKey("number").isFrozen()).isTrue();
        assertThat(view.grid.getColumnByKey("amountDue").isFrozenToEnd()).isTrue();
        assertThat(GridKt._getFormatted(view.grid, 0, "due")).isEqualTo(
                com.commercehub.base.i18n.Formats.date(sent.dueDate(), Locale.ENGLISH));

        view.status.setValue(InvoiceStatus.DRAFT);
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void enter_on_part_of_a_contacts_name_picks_them_and_fills_in_the_buyer() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.call(() -> contacts.create(new com.commercehub.crm.ContactDraft("Zofia" + unique, "Nowak",
                "zofia-" + unique + "@example.pl", null, Locale.forLanguageTag("pl"))));
        login("sam@example.com", Role.SALES);
        navigate("invoices/new");
        InvoiceView view = _get(InvoiceView.class);

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(view.contact, "zofia" + unique);
        assertThat(view.contact.getValue().email()).isEqualTo("zofia-" + unique + "@example.pl");
        assertThat(view.buyerEmail.getValue()).isEqualTo("zofia-" + unique + "@example.pl");
        assertThat(view.language.getValue()).isEqualTo(Locale.forLanguageTag("pl"));

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(view.contact, "nobody " + unique);
        assertThat(view.contact.isInvalid()).isTrue();
        assertThat(view.contact.getErrorMessage()).isEqualTo("Nothing here matches “nobody " + unique + "”.");
    }

    @Test
    void the_create_form_shows_each_problem_next_to_its_field_and_stores_nothing() {
        login("sam@example.com", Role.SALES);
        navigate("invoices/new");
        InvoiceView view = _get(InvoiceView.class);
        String marker = "nobody-" + UUID.randomUUID();
        view.buyerEmail.setValue(marker);
        view.terms.setValue(PaymentTerms.ON_DATE);
        ButtonKt._click(view.save);

        assertThat(view.buyerName.isInvalid()).isTrue();
        assertThat(view.buyerName.getErrorMessage()).isEqualTo("Enter who the invoice is for.");
        assertThat(view.buyerEmail.getErrorMessage()).isEqualTo("Enter the buyer’s e-mail address, e.g. ada@example.com.");
        assertThat(view.currency.getErrorMessage()).isEqualTo("Choose the invoice’s currency.");
        assertThat(view.dueDate.getErrorMessage()).isEqualTo("Choose a due date on or after the issue date.");
        assertThat(AsAdmin.call(() -> invoices.count(marker, null))).isZero();
    }

    @Test
    void a_draft_saved_from_the_form_has_no_number_until_sent() {
        login("sam@example.com", Role.SALES);
        navigate("invoices/new");
        InvoiceView view = _get(InvoiceView.class);
        String buyer = "Form Buyer " + UUID.randomUUID();
        view.buyerName.setValue(buyer);
        view.buyerEmail.setValue("form@example.com");
        view.currency.setCurrency(Currency.getInstance("EUR"));
        ButtonKt._click(view.send);
        assertThat(view.linesError.getText()).isEqualTo("Add line items worth more than zero before sending.");
        List<InvoiceListEntry> saved = AsAdmin.call(() -> invoices.page(buyer, null,
                org.springframework.data.domain.PageRequest.of(0, 5)));
        assertThat(saved).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(entry.number()).isNull();
        });
    }

    @Test
    void a_custom_item_typed_without_a_discount_is_added_and_priced_and_a_bad_one_is_refused_in_its_dialog() {
        login("sam@example.com", Role.SALES);
        navigate("invoices/new");
        InvoiceView view = _get(InvoiceView.class);
        view.currency.setCurrency(Currency.getInstance("EUR"));

        // The dialog's discount kind starts at "percent"; its value left empty means no discount (this threw before).
        Press.press(view.picker.addCustom);
        LineDialog dialog = _get(LineDialog.class);
        dialog.name.setValue("Consulting day");
        dialog.unitPrice.setValue(new BigDecimal("1200"));
        ButtonKt._click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.isAttached()).as("a closed line dialog leaves the UI").isFalse();
        assertThat(GridKt._size(view.lines)).isEqualTo(1);
        assertThat(GridKt._get(view.lines, 0).discountKind()).isNull();
        assertThat(view.totals.getText()).contains("€1,200.00");

        Press.press(view.picker.addCustom);
        LineDialog bad = _get(LineDialog.class);
        bad.name.setValue("Half a cent");
        bad.unitPrice.setValue(new BigDecimal("0.005"));
        ButtonKt._click(bad.save);
        assertThat(bad.isOpened()).isTrue();
        assertThat(bad.unitPrice.isInvalid()).isTrue();
        assertThat(GridKt._size(view.lines)).isEqualTo(1);
    }

    @Test
    void an_invoice_made_from_a_deal_bills_its_lines_to_its_contact_in_their_language_and_opens_as_a_draft() {
        com.commercehub.quote.QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        var buyer = AsAdmin.call(() -> com.commercehub.quote.QuoteTestData.buyer(companies, contacts, Locale.GERMAN));
        var deal = AsAdmin.call(() -> deals.create(new com.commercehub.crm.DealDraft("Invoice deal " + UUID.randomUUID(),
                "sam@example.com", com.commercehub.crm.DealStage.PROPOSAL, Currency.getInstance("EUR"), null,
                java.util.Set.of(buyer.id()), null)));
        AsAdmin.call(() -> deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Training day", null,
                new BigDecimal("2"), new BigDecimal("800.00"), null, null, null, false, null, null)));
        InvoiceDetails created = AsAdmin.call(() -> invoices.createFromDeal(deal.id()));
        assertThat(created.header().buyerEmail()).isEqualTo(buyer.email());
        assertThat(created.header().locale()).isEqualTo(Locale.GERMAN);
        assertThat(created.header().dealId()).isEqualTo(deal.id());
        assertThat(created.totals().oneTimeTotal().amount()).isEqualByComparingTo("1600.00");

        login("sam@example.com", Role.SALES);
        navigate("invoices/" + created.id());
        InvoiceView view = _get(InvoiceView.class);
        assertThat(view.buyerEmail.getValue()).isEqualTo(buyer.email());
        assertThat(GridKt._size(view.lines)).isEqualTo(1);
        assertThat(view.save.isVisible()).isTrue();
        assertThat(view.totals.getText()).contains("1,600.00");
    }

    @Test
    void the_deal_page_creates_an_invoice_from_the_deal_and_lists_it_and_refuses_a_deal_without_contact() {
        com.commercehub.quote.QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        var buyer = AsAdmin.call(() -> contacts.create(new com.commercehub.crm.ContactDraft("Dora", "Deal",
                "dora-" + UUID.randomUUID() + "@example.com", null, Locale.GERMAN)));
        var deal = AsAdmin.call(() -> deals.create(new com.commercehub.crm.DealDraft("Deal page " + UUID.randomUUID(),
                "sam@example.com", com.commercehub.crm.DealStage.PROPOSAL, Currency.getInstance("EUR"), null,
                java.util.Set.of(buyer.id()), null)));
        AsAdmin.call(() -> deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Workshop", null,
                BigDecimal.ONE, new BigDecimal("300.00"), null, null, null, false, null, null)));

        login("sam@example.com", Role.SALES);
        navigate("deals/" + deal.id());
        InvoicesOnDeal.Panel panel = _get(InvoicesOnDeal.Panel.class);
        assertThat(GridKt._size(panel.grid)).isZero();
        assertThat(panel.create.isVisible()).isTrue();
        ButtonKt._click(panel.create);
        InvoiceView view = _get(InvoiceView.class);
        assertThat(view.buyerEmail.getValue()).isEqualTo(buyer.email());
        List<InvoiceListEntry> ofDeal = AsAdmin.call(() -> invoices.ofDeal(deal.id()));
        assertThat(ofDeal).singleElement().satisfies(entry -> assertThat(entry.status()).isEqualTo(InvoiceStatus.DRAFT));

        navigate("deals/" + deal.id());
        panel = _get(InvoicesOnDeal.Panel.class);
        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(panel.grid, 0, "total")).isEqualTo("€300.00");

        var lonely = AsAdmin.call(() -> deals.create(new com.commercehub.crm.DealDraft("No contact " + UUID.randomUUID(),
                "sam@example.com", com.commercehub.crm.DealStage.PROPOSAL, Currency.getInstance("EUR"), null,
                java.util.Set.of(), null)));
        AsAdmin.call(() -> deals.addLine(lonely.id(), lonely.version(), new LineItemDraft(null, "Workshop", null,
                BigDecimal.ONE, new BigDecimal("300.00"), null, null, null, false, null, null)));
        navigate("deals/" + lonely.id());
        InvoicesOnDeal.Panel refusing = _get(InvoicesOnDeal.Panel.class);
        ButtonKt._click(refusing.create);
        assertThat(refusing.problem.isVisible()).isTrue();
        assertThat(refusing.problem.getText()).isEqualTo("Add a contact to the deal first: the invoice goes to them.");
        assertThat(AsAdmin.call(() -> invoices.ofDeal(lonely.id()))).isEmpty();

        login("fay@example.com", Role.FINANCE);
        navigate("deals/" + deal.id());
        assertThat(_get(InvoicesOnDeal.Panel.class).create.isVisible()).isFalse();
    }

    @Test
    void the_form_takes_an_invoice_level_discount_shows_it_in_the_totals_and_refuses_one_out_of_range_next_to_the_field() {
        login("sam@example.com", Role.SALES);
        InvoiceDetails saved = draft("Discount Buyer " + UUID.randomUUID());
        navigate("invoices/" + saved.id());
        InvoiceView view = _get(InvoiceView.class);
        view.discountKind.setValue(com.commercehub.crm.DiscountKind.PERCENT);
        view.discount.setValue(new BigDecimal("150"));
        ButtonKt._click(view.save);
        assertThat(view.discount.isInvalid()).isTrue();
        assertThat(view.discount.getErrorMessage()).isEqualTo("A percentage discount is between 0 and 100; an amount is at least 0");
        assertThat(AsAdmin.call(() -> invoices.get(saved.id())).header().discountValue()).isNull();

        view.discount.setValue(new BigDecimal("10"));
        assertThat(view.totals.getText()).contains("$25.00", "$225.00");
        ButtonKt._click(view.save);
        InvoiceDetails stored = AsAdmin.call(() -> invoices.get(saved.id()));
        assertThat(stored.header().discountKind()).isEqualTo(com.commercehub.crm.DiscountKind.PERCENT);
        assertThat(stored.header().discountValue()).isEqualByComparingTo("10");
        assertThat(stored.totals().oneTimeTotal().amount()).isEqualByComparingTo("225.00");

        navigate("invoices/" + saved.id());
        InvoiceView reopened = _get(InvoiceView.class);
        assertThat(reopened.discount.getValue()).isEqualByComparingTo("10");
        reopened.discountKind.setValue(com.commercehub.crm.DiscountKind.AMOUNT);
        reopened.discount.setValue(new BigDecimal("50"));
        ButtonKt._click(reopened.save);
        assertThat(AsAdmin.call(() -> invoices.get(saved.id())).totals().oneTimeTotal().amount()).isEqualByComparingTo("200.00");
    }

    @Test
    void finance_sets_the_reminder_days_after_the_due_date_and_a_value_out_of_range_is_refused_next_to_the_field() {
        int before = AsAdmin.call(() -> invoices.reminderDaysAfter());
        try {
            login("sam@example.com", Role.SALES);
            navigate("invoices");
            assertThat(_get(InvoicesView.class).reminderDays.isAttached()).as("sales do not see the setting").isFalse();

            login("fay@example.com", Role.FINANCE);
            navigate("invoices/new"); // away first: navigating to the current route would keep the sales rep's view
            navigate("invoices");
            InvoicesView view = _get(InvoicesView.class);
            assertThat(view.reminderDays.getValue()).isEqualTo(before);
            // Its sentence of a label was cut at the field's default width (seen at 1360 px).
            assertThat(view.reminderDays.getWidth()).isEqualTo("18rem");
            view.reminderDays.setValue(0);
            ButtonKt._click(view.saveReminder);
            assertThat(view.reminderDays.isInvalid()).isTrue();
            assertThat(view.reminderDays.getErrorMessage()).isEqualTo("Enter a whole number of days from 1 to 90.");
            assertThat(AsAdmin.call(() -> invoices.reminderDaysAfter())).isEqualTo(before);

            view.reminderDays.setValue(before == 12 ? 13 : 12);
            ButtonKt._click(view.saveReminder);
            assertThat(view.reminderDays.isInvalid()).isFalse();
            assertThat(AsAdmin.call(() -> invoices.reminderDaysAfter())).isEqualTo(before == 12 ? 13 : 12);
        } finally {
            AsAdmin.call(() -> invoices.changeReminderDaysAfter(before));
        }
    }

    @Test
    void staff_resend_an_open_invoice_to_another_address_checked_next_to_the_field_and_see_it_in_the_history() {
        InvoiceDetails sent = AsAdmin.call(() -> {
            InvoiceDetails d = draft("Resend Buyer " + UUID.randomUUID());
            return invoices.send(d.id(), d.version());
        });
        login("sam@example.com", Role.SALES);
        navigate("invoices/" + sent.id());
        InvoiceView view = _get(InvoiceView.class);
        assertThat(view.resend.isVisible()).isTrue();
        assertThat(history(view)).singleElement().satisfies(line ->
                assertThat(line).startsWith("Sent to " + sent.header().buyerEmail() + " by "));

        ButtonKt._click(view.resend);
        InvoiceView.ResendDialog dialog = _get(InvoiceView.ResendDialog.class);
        dialog.recipient.setValue("accounts at example dot com");
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.recipient.isInvalid()).isTrue();
        assertThat(dialog.recipient.getErrorMessage()).isEqualTo("Enter an e-mail address, e.g. ada@example.com.");
        assertThat(resent(sent)).isEmpty();
        assertThat(history(view)).hasSize(1);

        String other = "accounts-" + UUID.randomUUID() + "@example.com";
        dialog.recipient.setValue(other);
        ButtonKt._click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(resent(sent)).containsExactly(other);
        assertThat(history(view)).hasSize(2).last().satisfies(line ->
                assertThat(line).startsWith("Resent to " + other + " by sam@example.com · "));

        // A second resend is a new request: a second e-mail, this time to the buyer (the field left empty).
        ButtonKt._click(view.resend);
        ButtonKt._click(_get(InvoiceView.ResendDialog.class).confirm);
        assertThat(resent(sent)).containsExactly(other, sent.header().buyerEmail());

        // Finance reads the history but does not resend.
        login("fay@example.com", Role.FINANCE);
        navigate("invoices"); // away first: the same route with another id would keep the sales rep's view
        navigate("invoices/" + sent.id());
        assertThat(_get(InvoiceView.class).resend.isVisible()).isFalse();
        assertThat(history(_get(InvoiceView.class))).hasSize(3);
    }

    @Test
    void the_invoice_page_lists_the_payments_received_with_date_method_amount_and_reference() {
        login("sam@example.com", Role.SALES);
        InvoiceDetails sent = AsAdmin.call(() -> {
            InvoiceDetails d = draft("Paying Buyer " + UUID.randomUUID());
            return invoices.send(d.id(), d.version());
        });
        navigate("invoices/" + sent.id());
        InvoiceView open = _get(InvoiceView.class);
        assertThat(open.paymentsTitle.isVisible()).isTrue();
        assertThat(open.noPayments.isVisible()).isTrue();
        assertThat(open.payments.isVisible()).isFalse();

        LocalDate received = LocalDate.now().minusDays(2);
        AsAdmin.call(() -> invoices.recordManualPayment(sent.id(), sent.version(), new com.commercehub.invoice.ManualPayment(
                com.commercehub.invoice.ManualPaymentMethod.BANK_TRANSFER, received, sent.amountDue().amount(), "SEPA-4711")));
        navigate("invoices/new");
        navigate("invoices/" + sent.id());
        InvoiceView paid = _get(InvoiceView.class);
        assertThat(paid.noPayments.isVisible()).isFalse();
        assertThat(paid.payments.isVisible()).isTrue();
        assertThat(GridKt._size(paid.payments)).isEqualTo(1);
        assertThat(GridKt._getFormatted(paid.payments, 0, "date"))
                .isEqualTo(com.commercehub.base.i18n.Formats.date(received, Locale.ENGLISH));
        assertThat(GridKt._getFormatted(paid.payments, 0, "method")).isEqualTo("Bank transfer");
        assertThat(GridKt._getFormatted(paid.payments, 0, "amount")).isEqualTo("$250.00");
        assertThat(GridKt._getFormatted(paid.payments, 0, "reference")).isEqualTo("SEPA-4711");

        // A draft has received nothing and says nothing about it.
        navigate("invoices/" + draft("Draft Buyer " + UUID.randomUUID()).id());
        InvoiceView draft = _get(InvoiceView.class);
        assertThat(draft.paymentsTitle.isVisible()).isFalse();
        assertThat(draft.noPayments.isVisible()).isFalse();
    }

    @Test
    void the_list_shows_no_amount_due_on_a_void_or_uncollectible_invoice_and_zero_on_a_paid_one() {
        String buyer = "Settled Buyer " + UUID.randomUUID();
        AsAdmin.call(() -> {
            InvoiceDetails voided = sentTo(buyer + " void");
            invoices.voidInvoice(voided.id(), voided.version(), "Duplicate");
            InvoiceDetails writtenOff = sentTo(buyer + " uncollectible");
            invoices.markUncollectible(writtenOff.id(), writtenOff.version());
            InvoiceDetails paid = sentTo(buyer + " paid");
            return invoices.recordManualPayment(paid.id(), paid.version(), new com.commercehub.invoice.ManualPayment(
                    com.commercehub.invoice.ManualPaymentMethod.CASH, LocalDate.now(), paid.amountDue().amount(), null));
        });
        sentTo(buyer + " open");
        login("fay@example.com", Role.FINANCE);
        navigate("invoices");
        InvoicesView view = _get(InvoicesView.class);
        java.util.Map<String, String> due = new java.util.HashMap<>();
        for (String kind : List.of("void", "uncollectible", "paid", "open")) {
            view.search.setValue(buyer + " " + kind);
            assertThat(GridKt._size(view.grid)).as(kind).isEqualTo(1);
            due.put(kind, GridKt._getFormatted(view.grid, 0, "amountDue"));
        }
        assertThat(due).containsEntry("void", "—").containsEntry("uncollectible", "—")
                .containsEntry("paid", "$0.00").containsEntry("open", "$250.00");
    }

    private InvoiceDetails sentTo(String buyer) {
        return AsAdmin.call(() -> {
            InvoiceDetails d = draft(buyer);
            return invoices.send(d.id(), d.version());
        });
    }

    @Test
    void resend_is_not_offered_on_a_draft_or_a_paid_or_void_invoice() {
        login("sam@example.com", Role.SALES);
        InvoiceDetails draft = draft("Draft Buyer " + UUID.randomUUID());
        navigate("invoices/" + draft.id());
        assertThat(_get(InvoiceView.class).resend.isVisible()).isFalse();

        InvoiceDetails paid = AsAdmin.call(() -> {
            InvoiceDetails sent = invoices.send(draft.id(), draft.version());
            return invoices.recordManualPayment(sent.id(), sent.version(), new com.commercehub.invoice.ManualPayment(
                    com.commercehub.invoice.ManualPaymentMethod.CASH, LocalDate.now(), sent.amountDue().amount(), null));
        });
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        navigate("invoices/new");
        navigate("invoices/" + paid.id());
        assertThat(_get(InvoiceView.class).resend.isVisible()).isFalse();

        InvoiceDetails voided = AsAdmin.call(() -> {
            InvoiceDetails d = draft("Void Buyer " + UUID.randomUUID());
            InvoiceDetails sent = invoices.send(d.id(), d.version());
            return invoices.voidInvoice(sent.id(), sent.version(), "Duplicate");
        });
        navigate("invoices/new");
        navigate("invoices/" + voided.id());
        assertThat(_get(InvoiceView.class).resend.isVisible()).isFalse();
        // Nor does the service take it when asked directly.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsAdmin.call(() -> invoices.resend(voided.id(), null,
                UUID.randomUUID().toString()))).isInstanceOf(com.commercehub.invoice.InvoiceTransitionException.class);
        assertThat(resent(voided)).isEmpty();
    }

    private static List<String> history(InvoiceView view) {
        return view.history.getChildren().map(c -> ((com.vaadin.flow.component.html.Span) c).getText()).toList();
    }

    private List<String> resent(InvoiceDetails invoice) {
        return jdbc.sql("SELECT recipient FROM email_outbox WHERE kind = 'invoice.resent' AND dedupe_key LIKE :key ORDER BY id")
                .param("key", "invoice.resent:" + invoice.id() + ":%").query(String.class).list();
    }

    @Test
    void the_library_picker_offers_the_products_in_the_invoice_currency_and_adds_one_at_its_library_price() {
        String sku = "INV-LIB-" + UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.call(() -> products.create(com.commercehub.product.ProductTestData.oneTime("Camera workshop " + sku,
                sku, "120.00", "EUR")));
        AsAdmin.call(() -> products.create(com.commercehub.product.ProductTestData.oneTime("Dollar workshop " + sku,
                sku + "-USD", "99.00", "USD")));
        login("sam@example.com", Role.SALES);
        navigate("invoices/new");
        InvoiceView view = _get(InvoiceView.class);
        view.currency.setCurrency(Currency.getInstance("EUR"));

        // Before, the invoice form never gave its picker any products: the browser's drop-down spun forever.
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(view.picker.product, sku);
        var offered = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(view.picker.product);
        assertThat(offered).extracting(com.commercehub.product.ProductListEntry::name)
                .containsExactly("Camera workshop " + sku);
        view.picker.product.setValue(offered.getFirst());
        view.picker.quantity.setValue(new BigDecimal("2"));
        Press.press(view.picker.addProduct);

        assertThat(GridKt._size(view.lines)).isEqualTo(1);
        assertThat(GridKt._get(view.lines, 0).name()).isEqualTo("Camera workshop " + sku);
        // Names wrap in the phone's narrow item column ("Camer…" at 390 px).
        assertThat(view.lines.getThemeNames()).contains("wrap-cell-content");
        assertThat(view.totals.getText()).contains("€240.00");
        // An invoice's totals speak of the invoice: subtotal, its discount and tax, never a "quote discount".
        view.discount.setValue(new BigDecimal("10"));
        assertThat(view.totals.getText()).startsWith("Subtotal: €240.00 · Discount: ").contains("€24.00")
                .endsWith("Total: €216.00").doesNotContainIgnoringCase("quote");

        view.currency.setCurrency(Currency.getInstance("USD"));
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(view.picker.product, sku);
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(view.picker.product))
                .extracting(com.commercehub.product.ProductListEntry::name).containsExactly("Dollar workshop " + sku);
    }
}
