package com.commercehub.crm.ui;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.Press;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class DealViewTest extends KaribuTest {

    @Autowired
    DealService deals;
    @Autowired
    ProductService products;
    @Autowired
    JdbcClient jdbc;

    private DealDetails deal;

    @BeforeEach
    void dealAndProducts() {
        ProductTestData.clear(jdbc);
        login("sam@example.com", Role.SALES);
        products.create(ProductTestData.oneTime("Workshop", "WS-1", "1200.00", "EUR"));
        products.create(ProductTestData.oneTime("Dollar thing", "USD-1", "5.00", "USD"));
        deal = deals.create(new DealDraft("Acme onboarding", null, DealStage.PROPOSAL, Currency.getInstance("EUR"), null,
                Set.of(), null));
    }

    @Test
    void a_sales_rep_adds_a_library_product_and_a_custom_item_and_the_amount_follows() {
        navigate("deals/" + deal.id());
        DealView view = _get(DealView.class);
        assertThat(view.title.getText()).isEqualTo("Acme onboarding");

        var offered = products.page(new com.commercehub.product.ProductFilter("", null, "EUR",
                com.commercehub.product.ProductFilter.Status.ACTIVE), PageRequest.of(0, 10));
        assertThat(offered).extracting(p -> p.sku()).containsExactly("WS-1");
        view.picker.product.setValue(offered.getFirst());
        view.picker.quantity.setValue(new BigDecimal("2"));
        Press.press(view.picker.addProduct);

        assertThat(GridKt._size(view.lines)).isEqualTo(1);
        assertThat(view.amount.getText()).isEqualTo("Deal amount: €2,400.00");

        Press.press(view.picker.addCustom);
        LineDialog dialog = _get(LineDialog.class);
        dialog.name.setValue("Travel");
        dialog.unitPrice.setValue(new BigDecimal("300.00"));
        dialog.discountValue.setValue(new BigDecimal("10"));
        ButtonKt._click(dialog.save);

        assertThat(GridKt._size(view.lines)).isEqualTo(2);
        assertThat(GridKt._get(view.lines, 1).net()).isEqualTo(Money.of("270.00", "EUR"));
        assertThat(view.amount.getText()).isEqualTo("Deal amount: €2,670.00");
        assertThat(deals.get(deal.id()).lines()).hasSize(2);
    }

    @Test
    void a_bad_custom_line_is_refused_next_to_the_field() {
        navigate("deals/" + deal.id());
        DealView view = _get(DealView.class);
        Press.press(view.picker.addCustom);
        LineDialog dialog = _get(LineDialog.class);
        dialog.name.setValue("Nothing");
        dialog.quantity.setValue(BigDecimal.ZERO);
        dialog.unitPrice.setValue(BigDecimal.TEN);
        ButtonKt._click(dialog.save);

        assertThat(dialog.quantity.isInvalid()).isTrue();
        assertThat(dialog.quantity.getErrorMessage()).isEqualTo("The quantity must be greater than zero");
        assertThat(deals.get(deal.id()).lines()).isEmpty();
    }

    @Test
    void finance_sees_the_deal_but_cannot_change_it() {
        login("fin@example.com", Role.FINANCE);
        navigate("deals/" + deal.id());
        DealView view = _get(DealView.class);
        assertThat(view.edit.isVisible()).isFalse();
        assertThat(view.picker.addProduct.isVisible()).isTrue();
        assertThat(view.picker.addProduct.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void a_new_deal_from_the_list_opens_its_own_page() {
        navigate("deals");
        DealsView list = _get(DealsView.class);
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        ButtonKt._click(list.add);
        DealDialog dialog = _get(DealDialog.class);
        dialog.name.setValue("Fresh start");
        dialog.currency.setValue("DKK");
        ButtonKt._click(dialog.save);

        DealView view = _get(DealView.class);
        assertThat(view.title.getText()).isEqualTo("Fresh start");
        assertThat(view.amount.getText()).isEqualTo("Deal amount: DKK0.00");
    }

    @Test
    void enter_on_part_of_a_company_contact_or_owner_picks_the_match_or_says_nothing_matched() {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        long company = context.getBean(com.commercehub.crm.CompanyService.class).create(
                new com.commercehub.crm.CompanyDraft("Acme " + unique + " GmbH", null, null, "DE")).id();
        var buyer = context.getBean(com.commercehub.crm.ContactService.class).create(new com.commercehub.crm.ContactDraft(
                "Erika" + unique, "Mustermann", "erika-" + unique + "@acme.example", company, java.util.Locale.GERMAN));
        jdbc.sql("DELETE FROM app_user WHERE email = 'dana.owner@example.com'").update();
        com.commercehub.testsupport.AsAdmin.call(() -> context.getBean(com.commercehub.base.security.UserService.class)
                .create("dana.owner@example.com", "Dana Owner", "dana owner password 123",
                        java.util.EnumSet.of(Role.SALES)));
        navigate("deals");
        ButtonKt._click(_get(DealsView.class).add);
        DealDialog dialog = _get(DealDialog.class);

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(dialog.company, "acme " + unique);
        assertThat(dialog.company.getValue().id()).isEqualTo(buyer.companyId());
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(dialog.company, "Globex");
        assertThat(dialog.company.isInvalid()).isTrue();
        assertThat(dialog.company.getErrorMessage()).isEqualTo("Nothing here matches “Globex”.");

        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog.contacts,
                new com.vaadin.flow.component.combobox.MultiSelectComboBox.CustomValueSetEvent<>(dialog.contacts, true, "erika" + unique));
        assertThat(dialog.contacts.getValue()).extracting(c -> c.id()).containsExactly(buyer.id());

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(dialog.owner, "dana ow");
        assertThat(dialog.owner.getValue().email()).isEqualTo("dana.owner@example.com");
    }

    @Test
    void an_unknown_deal_shows_not_found() {
        navigate("deals/999999");
        _get(com.commercehub.base.ui.NotFoundView.class);
    }
}
