package com.commercehub.invoice.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceListEntry;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
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
        view.search.setValue(buyer);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        InvoiceListEntry row = GridKt._get(view.grid, 0);
        assertThat(row.number()).isEqualTo(sent.number());
        assertThat(GridKt._getFormatted(view.grid, 0, "status")).isEqualTo("Open");
        assertThat(GridKt._getFormatted(view.grid, 0, "total")).isEqualTo("$250.00");
        assertThat(GridKt._getFormatted(view.grid, 0, "due")).isEqualTo(
                com.commercehub.base.i18n.Formats.date(sent.dueDate(), Locale.ENGLISH));

        view.status.setValue(InvoiceStatus.DRAFT);
        assertThat(GridKt._size(view.grid)).isZero();
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
        view.currency.setValue(Currency.getInstance("EUR"));
        ButtonKt._click(view.send);
        assertThat(view.linesError.getText()).isEqualTo("Add line items worth more than zero before sending.");
        List<InvoiceListEntry> saved = AsAdmin.call(() -> invoices.page(buyer, null,
                org.springframework.data.domain.PageRequest.of(0, 5)));
        assertThat(saved).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(entry.number()).isNull();
        });
    }
}
