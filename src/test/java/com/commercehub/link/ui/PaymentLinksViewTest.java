package com.commercehub.link.ui;

import com.commercehub.base.security.Role;
import com.commercehub.link.PaymentLinkDraft;
import com.commercehub.link.PaymentLinkListEntry;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductListEntry;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentLinksViewTest extends KaribuTest {

    @Autowired
    ProductService products;
    @Autowired
    PaymentLinkService links;
    @Autowired
    com.commercehub.product.TaxRateService taxRates;

    private ProductListEntry product(String price) {
        String sku = "PLV-" + UUID.randomUUID().toString().substring(0, 8);
        AsAdmin.call(() -> products.create(ProductTestData.oneTime("Course " + sku, sku, price, "EUR")));
        return AsAdmin.call(() -> products.page(new ProductFilter(sku, null, null, ProductFilter.Status.ACTIVE),
                PageRequest.of(0, 1))).getFirst();
    }

    private List<PaymentLinkListEntry> rows(PaymentLinksView view) {
        return IntStream.range(0, GridKt._size(view.grid)).mapToObj(i -> GridKt._get(view.grid, i)).toList();
    }

    @Test
    void the_create_form_says_next_to_each_field_what_is_wrong_and_makes_nothing() {
        login("sam@example.com", Role.SALES);
        navigate("payment-links");
        PaymentLinksView view = _get(PaymentLinksView.class);
        int before = links.count();
        ButtonKt._click(view.create);
        PaymentLinkForm form = _get(PaymentLinkForm.class);

        ButtonKt._click(form.save);
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("Give the link a name.");
        assertThat(form.itemsError.getText()).isEqualTo("Add at least one product.");

        form.name.setValue("Spring course");
        form.product.setValue(product("80.00"));
        form.quantity.setValue(2);
        form.minQuantity.setValue(3);
        ButtonKt._click(form.addItem);
        form.promotionCodes.setValue(true);
        form.discountPercent.setValue(new BigDecimal("10"));
        form.shippingCountries.setValue("DE, XX");
        form.afterPayment.setValue(PaymentLinkDraft.AfterPayment.REDIRECT);
        form.redirectUrl.setValue("http://shop.example/thanks");
        ButtonKt._click(form.save);
        assertThat(form.itemsError.getText()).startsWith("Quantities must be at least 1");
        assertThat(form.discountPercent.isInvalid()).isTrue();
        assertThat(form.discountPercent.getErrorMessage()).startsWith("A fixed discount and promotion codes cannot be combined: "
                + "Stripe Checkout applies one discount per payment");
        assertThat(form.shippingCountries.getErrorMessage()).startsWith("Use two-letter country codes");
        assertThat(form.redirectUrl.getErrorMessage()).isEqualTo("Enter a full https:// address to send buyers to.");
        assertThat(form.name.isInvalid()).isFalse();
        assertThat(links.count()).isEqualTo(before);
    }

    @Test
    void a_link_made_in_the_form_is_listed_shared_with_a_qr_code_and_escaped_button_and_can_be_switched_off() {
        login("sam@example.com", Role.SALES);
        navigate("payment-links");
        PaymentLinksView view = _get(PaymentLinksView.class);
        ButtonKt._click(view.create);
        PaymentLinkForm form = _get(PaymentLinkForm.class);
        assertThat(form.save.getText()).isEqualTo("Create");
        // Product, quantity, min., max., tax and Add are wider than the dialog: the row wraps instead of cutting them.
        var itemRow = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) form.addItem.getParent().orElseThrow();
        assertThat(itemRow.isWrap()).isTrue();
        String name = "Team <b>lunch</b> " + UUID.randomUUID();
        form.name.setValue(name);
        form.product.setValue(product("12.50"));
        form.quantity.setValue(4);
        ButtonKt._click(form.addItem);
        form.oneTime.setValue(true);
        form.shippingCountries.setValue("de at");
        ButtonKt._click(form.save);

        PaymentLinksView.ShareDialog share = _get(PaymentLinksView.ShareDialog.class);
        assertThat(share.address.getValue()).matches("https?://.+/pay/[A-Za-z0-9_-]{43}");
        // The address takes its row's width (it was a stub showing "http://127.0.0.1:18931/p"), beside Copy.
        var addressRow = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) share.address.getParent().orElseThrow();
        assertThat(addressRow.getWidth()).isEqualTo("100%");
        assertThat(addressRow.getFlexGrow(share.address)).isEqualTo(1.0);
        assertThat(share.qr.getSrc()).startsWith("data:image/png;base64,");
        assertThat(share.snippet.getValue()).startsWith("<a href=\"" + share.address.getValue() + "\"")
                .contains(">Buy now</a>");
        share.close();

        PaymentLinkListEntry row = rows(view).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(row.oneTime()).isTrue();
        assertThat(row.payments()).isZero();
        assertThat(GridKt._getFormattedRow(view.grid, rows(view).indexOf(row))).contains(name, "Active", "One-time");

        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, rows(view).indexOf(row), "actions");
        var toggle = (com.vaadin.flow.component.button.Button) actions.getChildren()
                .filter(c -> ("toggle-" + row.id()).equals(c.getId().orElse(null))).findFirst().orElseThrow();
        assertThat(toggle.getText()).isEqualTo("Deactivate");
        ButtonKt._click(toggle);
        PaymentLinkListEntry off = rows(view).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(view.grid, rows(view).indexOf(off))).contains("Inactive");
    }

    @Test
    void a_link_is_edited_in_the_same_form_with_its_messages_next_to_the_fields_and_a_refused_edit_changes_nothing() {
        login("sam@example.com", Role.SALES);
        ProductListEntry course = product("30.00");
        String name = "Yoga " + UUID.randomUUID();
        long id = AsAdmin.call(() -> links.create(new PaymentLinkDraft(name,
                List.of(new PaymentLinkDraft.Item(course.id(), 2, null, null)), false, null, false, "", false, null,
                false, PaymentLinkDraft.AfterPayment.MESSAGE, "Namaste", null, null, null)));
        navigate("payment-links");
        PaymentLinksView view = _get(PaymentLinksView.class);
        int row = rows(view).stream().map(PaymentLinkListEntry::id).toList().indexOf(id);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, row, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getChildren()
                .filter(c -> ("edit-" + id).equals(c.getId().orElse(null))).findFirst().orElseThrow());
        PaymentLinkForm form = _get(PaymentLinkForm.class);
        assertThat(form.getHeaderTitle()).isEqualTo("Edit payment link");
        // Editing saves the link; a "Create" button here read as if it made a second one.
        assertThat(form.save.getText()).isEqualTo("Save");
        assertThat(form.name.getValue()).isEqualTo(name);
        assertThat(form.thankYouMessage.getValue()).isEqualTo("Namaste");
        assertThat(form.editNote.isVisible()).isFalse();
        var quantity = (com.vaadin.flow.component.textfield.IntegerField) GridKt._getCellComponent(form.items, 0, "quantity");
        assertThat(quantity.getValue()).isEqualTo(2);

        // Invalid: the messages go next to the fields and the link stays as it was.
        form.name.setValue(" ");
        quantity.setValue(5);
        ((com.vaadin.flow.component.textfield.IntegerField) GridKt._getCellComponent(form.items, 0, "max")).setValue(4);
        form.afterPayment.setValue(PaymentLinkDraft.AfterPayment.REDIRECT);
        form.redirectUrl.setValue("ftp://shop.example");
        ButtonKt._click(form.save);
        assertThat(form.name.getErrorMessage()).isEqualTo("Give the link a name.");
        assertThat(form.itemsError.getText()).startsWith("Quantities must be at least 1");
        assertThat(form.redirectUrl.getErrorMessage()).isEqualTo("Enter a full https:// address to send buyers to.");
        var unchanged = AsAdmin.call(() -> links.details(id));
        assertThat(unchanged.name()).isEqualTo(name);
        assertThat(unchanged.items().getFirst().quantity()).isEqualTo(2);

        // Fixed: saved, listed under the new name, the quantities and the deal option as chosen.
        form.name.setValue(name + " (new)");
        ((com.vaadin.flow.component.textfield.IntegerField) GridKt._getCellComponent(form.items, 0, "max")).setValue(8);
        form.redirectUrl.setValue("https://shop.example/namaste");
        form.createDeal.setValue(true);
        form.dealStage.setValue(com.commercehub.crm.DealStage.PROPOSAL);
        ButtonKt._click(form.save);
        assertThat(form.isOpened()).isFalse();
        var saved = AsAdmin.call(() -> links.details(id));
        assertThat(saved.name()).isEqualTo(name + " (new)");
        assertThat(saved.items().getFirst().quantity()).isEqualTo(5);
        assertThat(saved.items().getFirst().maxQuantity()).isEqualTo(8);
        assertThat(saved.redirectUrl()).isEqualTo("https://shop.example/namaste");
        assertThat(saved.thankYouMessage()).isNull();
        assertThat(saved.dealStage()).isEqualTo(com.commercehub.crm.DealStage.PROPOSAL);
        assertThat(saved.version()).isGreaterThan(unchanged.version());
        assertThat(rows(view).stream().map(PaymentLinkListEntry::name)).contains(name + " (new)");
    }

    @Test
    void a_product_brings_its_default_tax_rate_to_the_link_and_the_rate_can_be_changed_in_its_row() {
        login("sam@example.com", Role.SALES);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var vat = AsAdmin.call(() -> taxRates.create(new com.commercehub.product.TaxRateDraft("MwSt " + suffix,
                new BigDecimal("19"), false, "DE", null)));
        var reduced = AsAdmin.call(() -> taxRates.create(new com.commercehub.product.TaxRateDraft("MwSt reduced " + suffix,
                new BigDecimal("7"), false, "DE", null)));
        String sku = "PLT-" + suffix;
        AsAdmin.call(() -> products.create(new com.commercehub.product.ProductDraft("Book " + sku, sku, null,
                com.commercehub.base.money.Money.of("10.00", "EUR"), null, null, null, vat.id(), null, null)));
        ProductListEntry book = AsAdmin.call(() -> products.page(new ProductFilter(sku, null, null,
                ProductFilter.Status.ACTIVE), PageRequest.of(0, 1))).getFirst();
        navigate("payment-links");
        ButtonKt._click(_get(PaymentLinksView.class).create);
        PaymentLinkForm form = _get(PaymentLinkForm.class);
        String name = "Books " + suffix;
        form.name.setValue(name);
        form.product.setValue(book);
        assertThat(form.taxRate.getValue().id()).isEqualTo(vat.id());
        ButtonKt._click(form.addItem);
        @SuppressWarnings("unchecked")
        var rowTax = (com.vaadin.flow.component.combobox.ComboBox<com.commercehub.product.TaxRateSummary>)
                GridKt._getCellComponent(form.items, 0, "tax");
        assertThat(rowTax.getValue().id()).isEqualTo(vat.id());
        rowTax.setValue(rowTax.getListDataView().getItems().filter(rate -> rate.id() == reduced.id()).findFirst().orElseThrow());
        ButtonKt._click(form.save);
        long id = links.page(0, 100).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(AsAdmin.call(() -> links.details(id)).items().getFirst().taxRateId()).isEqualTo(reduced.id());
    }

    @Test
    void the_snippet_escapes_what_it_embeds() {
        assertThat(QrCodes.buttonSnippet("https://x.example/pay/a\"b", "<script>alert(1)</script>"))
                .contains("href=\"https://x.example/pay/a&quot;b\"").contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
