package com.commercehub.product.ui;

import com.commercehub.product.BillingChoice;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductService;
import com.commercehub.product.QuoteUsageStandIn;
import com.commercehub.product.ProductTestData;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

@Import(QuoteUsageStandIn.class)
class ProductLibraryViewTest extends KaribuTest {

    @Autowired
    ProductService products;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void library() {
        ProductTestData.clear(jdbc);
        QuoteUsageStandIn.USED.clear();
    }

    private ProductLibraryView openAs(Role role) {
        login(role.name().toLowerCase() + "@example.com", role);
        navigate("products");
        return _get(ProductLibraryView.class);
    }

    private static List<String> names(Grid<com.commercehub.product.ProductListEntry> grid) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).name()).toList();
    }

    @Test
    void typing_a_search_filters_the_grid() {
        login("sam@example.com", Role.SALES);
        products.create(ProductTestData.oneTime("Blue chair", "CH-1", "50.00", "EUR"));
        products.create(ProductTestData.oneTime("Red chair", "CH-2", "55.00", "EUR"));
        products.create(ProductTestData.oneTime("Desk lamp", "LAMP-1", "20.00", "USD"));
        ProductLibraryView view = openAs(Role.SALES);
        assertThat(names(view.grid)).containsExactly("Blue chair", "Desk lamp", "Red chair");
        assertThat(view.total.getText()).isEqualTo("3 products");

        view.search.setValue("chair");
        assertThat(names(view.grid)).containsExactly("Blue chair", "Red chair");
        view.search.setValue("lamp-");
        assertThat(names(view.grid)).containsExactly("Desk lamp");
        view.search.clear();
        view.currency.setValue("USD");
        assertThat(names(view.grid)).containsExactly("Desk lamp");
        assertThat(view.total.getText()).isEqualTo("1 products");
    }

    @Test
    void the_form_shows_what_is_wrong_next_to_each_field_and_stores_nothing() {
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.add);
        ProductForm form = _get(ProductForm.class);
        form.sku.setValue("YEN-1");
        form.currency.setValue("JPY");
        form.price.setValue(new BigDecimal("100.5"));
        ButtonKt._click(form.save);

        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("Enter a name");
        assertThat(form.price.isInvalid()).isTrue();
        assertThat(form.price.getErrorMessage()).isEqualTo("JPY allows at most 0 decimals");
        assertThat(form.isOpened()).isTrue();
        assertThat(products.count(ProductFilter.active())).isZero();
    }

    @Test
    void a_taken_sku_is_reported_on_the_sku_field() {
        login("sam@example.com", Role.SALES);
        products.create(ProductTestData.oneTime("Existing", "SKU-1", "1.00", "EUR"));
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.add);
        ProductForm form = _get(ProductForm.class);
        form.name.setValue("New");
        form.sku.setValue("sku-1");
        form.price.setValue(new BigDecimal("2.00"));
        ButtonKt._click(form.save);

        assertThat(form.sku.isInvalid()).isTrue();
        assertThat(form.sku.getErrorMessage()).isEqualTo("Another product already has this SKU");
        assertThat(products.count(ProductFilter.active())).isEqualTo(1);
    }

    @Test
    void a_typed_code_offers_that_currency_first_then_codes_then_names_starting_with_the_text() {
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.add);
        ProductForm form = _get(ProductForm.class);
        List<String> unfiltered = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency);
        // "WIR Euro" (CHE) sorts before EUR by code, yet typing the code means the euro.
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "EUR");
        List<String> eur = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency);
        assertThat(eur.getFirst()).isEqualTo("EUR");
        assertThat(eur).contains("CHE");
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "eur");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency).getFirst()).isEqualTo("EUR");
        // A code's beginning: the codes that start with it come before names that merely contain it.
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "us");
        List<String> us = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency);
        assertThat(us.subList(0, us.indexOf("USD") + 1)).allSatisfy(code -> assertThat(code).startsWith("US"));
        // A name's beginning comes before a name that has it inside.
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "Euro");
        List<String> euro = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency);
        assertThat(euro.indexOf("EUR")).isLessThan(euro.indexOf("CHE"));
        // Enter on the code picks it; cleared, the list is in its own order again.
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency)).isEqualTo(unfiltered);
        form.close();
    }

    @Test
    void the_currency_list_is_found_by_code_and_by_name_in_the_users_language() {
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.add);
        ProductForm form = _get(ProductForm.class);
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "eur");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(form.currency)).contains("EUR – Euro");
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "Euro");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency)).contains("EUR");
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "złoty");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(form.currency))
                .containsExactly("PLN – Polish Zloty");
        form.close();

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate("products");
        ButtonKt._click(_get(ProductLibraryView.class).add);
        form = _get(ProductForm.class);
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "schwedische");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(form.currency))
                .containsExactly("SEK – Schwedische Krone");
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(form.currency, "Swedish");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(form.currency)).containsExactly("SEK");

        // Enter on typed text picks the currency it names, or says that none matches.
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(form.currency, "eur");
        assertThat(form.currency.getValue()).isEqualTo("EUR");
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(form.currency, "schwedische");
        assertThat(form.currency.getValue()).isEqualTo("SEK");
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(form.currency, "Dukaten");
        assertThat(form.currency.isInvalid()).isTrue();
        assertThat(form.currency.getErrorMessage()).isEqualTo("Keine Währung passt zu „Dukaten“.");
    }

    @Test
    void a_sales_rep_creates_a_recurring_product() {
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.add);
        ProductForm form = _get(ProductForm.class);
        form.name.setValue("Support plan");
        form.sku.setValue("SUP-M");
        form.price.setValue(new BigDecimal("99.00"));
        form.currency.setValue("DKK");
        form.billing.setValue(BillingChoice.CUSTOM);
        assertThat(form.customCount.isVisible()).isTrue();
        form.customCount.setValue(2);
        form.customUnit.setValue(com.commercehub.product.IntervalUnit.WEEK);
        ButtonKt._click(form.save);

        assertThat(form.isOpened()).isFalse();
        assertThat(names(view.grid)).containsExactly("Support plan");
        var row = GridKt._get(view.grid, 0);
        assertThat(row.price()).isEqualTo(Money.of("99", "DKK"));
        assertThat(BillingLabels.of(view, row.frequency(), row.termPeriods())).isEqualTo("Every 2 weeks");
    }

    @Test
    void duplicate_opens_an_unsaved_copy_that_needs_its_own_sku() {
        login("sam@example.com", Role.SALES);
        products.create(ProductTestData.recurring("Support", "SUP-1", "99.00", "EUR",
                com.commercehub.product.BillingFrequency.YEARLY));
        ProductLibraryView view = openAs(Role.SALES);
        GridKt._clickItem(view.grid, 0);
        ButtonKt._click(_get(ProductForm.class).duplicate);

        ProductForm copy = _get(ProductForm.class);
        assertThat(copy.name.getValue()).isEqualTo("Support (copy)");
        assertThat(copy.sku.getValue()).isEmpty();
        assertThat(copy.billing.getValue()).isEqualTo(BillingChoice.YEARLY);
        copy.sku.setValue("SUP-2");
        ButtonKt._click(copy.save);
        assertThat(names(view.grid)).containsExactly("Support", "Support (copy)");
    }

    @Test
    void finance_can_read_but_not_edit() {
        login("sam@example.com", Role.SALES);
        products.create(ProductTestData.oneTime("Widget", "W-1", "1.00", "EUR"));
        ProductLibraryView view = openAs(Role.FINANCE);
        assertThat(view.add.isVisible()).isFalse();
        assertThat(view.importCsv.isVisible()).isFalse();

        GridKt._clickItem(view.grid, 0);
        ProductForm form = _get(ProductForm.class);
        assertThat(form.save.isVisible()).isFalse();
        assertThat(form.delete.isVisible()).isFalse();
        assertThat(form.name.isReadOnly()).isTrue();
    }

    @Test
    void a_stale_edit_warns_and_keeps_the_users_input_and_the_other_change() {
        login("sam@example.com", Role.SALES);
        ProductDetails desk = products.create(ProductTestData.oneTime("Desk", "DESK-1", "200.00", "EUR"));
        ProductLibraryView view = openAs(Role.SALES);
        GridKt._clickItem(view.grid, 0);
        ProductForm form = _get(ProductForm.class);

        products.update(desk.id(), desk.version(), ProductTestData.oneTime("Desk (renamed by Ann)", "DESK-1", "210.00", "EUR"));
        form.name.setValue("Desk (my edit)");
        ButtonKt._click(form.save);

        NotificationsKt.expectNotifications("Someone else changed this in the meantime. Reload to see their changes; "
                + "nothing of yours was saved over theirs.");
        assertThat(form.isOpened()).isTrue();
        assertThat(form.name.getValue()).isEqualTo("Desk (my edit)");
        assertThat(products.get(desk.id()).name()).isEqualTo("Desk (renamed by Ann)");
    }

    @Test
    void a_product_used_on_quotes_cannot_be_deleted_and_says_why() {
        login("sam@example.com", Role.SALES);
        ProductDetails used = products.create(ProductTestData.oneTime("Used", "USED-1", "1.00", "EUR"));
        QuoteUsageStandIn.USED.add(used.id());
        ProductLibraryView view = openAs(Role.SALES);
        GridKt._clickItem(view.grid, 0);
        ProductForm form = _get(ProductForm.class);
        form.deleteNow();

        assertThat(form.inUse.isVisible()).isTrue();
        assertThat(form.inUse.getText()).startsWith("This product is on 2 quotes, so it cannot be deleted.");
        assertThat(products.count(ProductFilter.active())).isEqualTo(1);
    }

    @Test
    void import_lists_bad_rows_then_imports_a_good_file_with_progress() {
        ProductLibraryView view = openAs(Role.SALES);
        ButtonKt._click(view.importCsv);
        ProductImportDialog dialog = _get(ProductImportDialog.class);

        dialog.fileReceived(("sku,name,price,currency\nA-1,Alpha,1.00,EUR\nB-1,Beta,abc,EUR\n")
                .getBytes(StandardCharsets.UTF_8));
        dialog.running.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(dialog.problems.isVisible()).isTrue();
        var problem = GridKt._get(dialog.problems, 0);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(dialog.importButton.isEnabled()).isFalse();

        // A UTF-8 byte-order mark, as spreadsheet programs write it, is not part of the header.
        dialog.fileReceived(("\uFEFFsku,name,price,currency\nA-1,Alpha,1.00,EUR\nB-1,Beta,2.50,EUR\n")
                .getBytes(StandardCharsets.UTF_8));
        dialog.running.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(dialog.summary.getText()).startsWith("2 rows are fine: 2 new products, 0 updates.");
        assertThat(products.count(ProductFilter.active())).isZero();

        ButtonKt._click(dialog.importButton);
        dialog.running.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(names(view.grid)).containsExactly("Alpha", "Beta");
    }

    @Test
    void an_admin_loads_the_demo_catalogue_into_an_empty_library_once() {
        ProductLibraryView view = openAs(Role.ADMIN);
        assertThat(view.loadDemo.isVisible()).isTrue();
        ButtonKt._click(view.loadDemo);
        assertThat(GridKt._size(view.grid)).isEqualTo(8);
        assertThat(view.loadDemo.isVisible()).isFalse();
    }

    @Test
    void sales_is_not_offered_the_demo_catalogue() {
        assertThat(openAs(Role.SALES).loadDemo.isVisible()).isFalse();
    }
}
