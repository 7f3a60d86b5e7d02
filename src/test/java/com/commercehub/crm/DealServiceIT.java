package com.commercehub.crm;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductDraft;
import com.commercehub.product.ProductInUseException;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.product.TaxRateDraft;
import com.commercehub.product.TaxRateService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class DealServiceIT {

    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    ProductService products;
    @Autowired
    TaxRateService taxRates;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        ProductTestData.clear(jdbc);
        jdbc.sql("DELETE FROM contact").update();
        jdbc.sql("DELETE FROM company").update();
    }

    private DealDetails newDeal(String name, String currency) {
        return deals.create(new DealDraft(name, null, DealStage.QUALIFIED, Currency.getInstance(currency), null, Set.of(),
                null));
    }

    @Test
    void a_library_product_is_copied_onto_the_deal_and_keeps_its_reference() {
        long vat = taxRates.create(new TaxRateDraft("VAT 25%", new BigDecimal("25"), false, "DK", null)).id();
        ProductDetails support = products.create(new ProductDraft("Support", "SUP-1", null, Money.of("99.00", "EUR"),
                BillingFrequency.MONTHLY, null, null, vat, null, null));
        DealDetails deal = newDeal("Acme renewal", "EUR");
        assertThat(deal.owner()).isEqualTo("sam@example.com");

        DealDetails withLine = deals.addProduct(deal.id(), deal.version(), support.id(), new BigDecimal("3"));
        LineItemDetails line = withLine.lines().getFirst();
        assertThat(line.productId()).isEqualTo(support.id());
        assertThat(line.name()).isEqualTo("Support");
        assertThat(line.sku()).isEqualTo("SUP-1");
        assertThat(line.frequency()).isEqualTo(BillingFrequency.MONTHLY);
        assertThat(line.taxPercentage()).isEqualByComparingTo("25");
        assertThat(line.net()).isEqualTo(Money.of("297.00", "EUR"));
        assertThat(withLine.amount()).isEqualTo(Money.of("297.00", "EUR"));

        // Later changes to the product leave the deal's copy as it was.
        products.update(support.id(), support.version(), new ProductDraft("Support plus", "SUP-1", null,
                Money.of("120.00", "EUR"), BillingFrequency.MONTHLY, null, null, vat, null, null));
        assertThat(deals.get(deal.id()).lines().getFirst().unitPrice()).isEqualTo(Money.of("99.00", "EUR"));
    }

    @Test
    void a_product_on_a_deal_cannot_be_deleted_only_archived() {
        ProductDetails kit = products.create(ProductTestData.oneTime("Kit", "KIT-1", "10.00", "EUR"));
        DealDetails deal = newDeal("Kit order", "EUR");
        deals.addProduct(deal.id(), deal.version(), kit.id(), BigDecimal.ONE);

        assertThatThrownBy(() -> products.delete(kit.id(), kit.version()))
                .isInstanceOf(ProductInUseException.class)
                .satisfies(e -> assertThat(((ProductInUseException) e).reasonKey()).isEqualTo("product.in-use.deals"));
        assertThat(products.archive(kit.id(), kit.version()).archived()).isTrue();
    }

    @Test
    void products_in_another_currency_or_archived_are_refused() {
        ProductDetails dollars = products.create(ProductTestData.oneTime("Dollar kit", "USD-1", "10.00", "USD"));
        ProductDetails old = products.create(ProductTestData.oneTime("Old kit", "OLD-1", "10.00", "EUR"));
        products.archive(old.id(), old.version());
        DealDetails deal = newDeal("Euro deal", "EUR");

        assertThatThrownBy(() -> deals.addProduct(deal.id(), deal.version(), dollars.id(), BigDecimal.ONE))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("crm.line.currency-mismatch");
        assertThatThrownBy(() -> deals.addProduct(deal.id(), deal.version(), old.id(), BigDecimal.ONE))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("crm.line.product-archived");
        assertThat(deals.get(deal.id()).lines()).isEmpty();
    }

    @Test
    void custom_lines_with_discounts_are_priced_exactly_and_the_list_shows_each_deals_amount() {
        DealDetails deal = newDeal("Yen deal", "JPY");
        DealDetails priced = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Setup", null,
                new BigDecimal("3"), new BigDecimal("333"), DiscountKind.PERCENT, new BigDecimal("10"), null, false,
                null, null));
        assertThat(priced.amount()).isEqualTo(Money.of("899", "JPY"));
        DealDetails other = newDeal("Another", "EUR");
        deals.addLine(other.id(), other.version(), new LineItemDraft(null, "Hours", null, new BigDecimal("1.5"),
                new BigDecimal("80.00"), DiscountKind.AMOUNT, new BigDecimal("20"), null, false, null, null));

        assertThat(deals.page("", null, PageRequest.of(0, 10)))
                .extracting(DealListEntry::name, DealListEntry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Another", Money.of("100.00", "EUR")),
                        org.assertj.core.groups.Tuple.tuple("Yen deal", Money.of("899", "JPY")));
        assertThatThrownBy(() -> deals.addLine(priced.id(), priced.version(), new LineItemDraft(null, "Half yen", null,
                BigDecimal.ONE, new BigDecimal("0.5"), null, null, null, false, null, null)))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("crm.line.price-decimals");
    }

    @Test
    void the_currency_is_locked_once_the_deal_has_lines() {
        DealDetails deal = newDeal("Locked", "EUR");
        DealDetails withLine = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Item", null,
                BigDecimal.ONE, BigDecimal.TEN, null, null, null, false, null, null));
        assertThatThrownBy(() -> deals.update(withLine.id(), withLine.version(), new DealDraft("Locked", null,
                DealStage.PROPOSAL, Currency.getInstance("USD"), null, Set.of(), null)))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("crm.deal.currency-locked");
    }

    @Test
    void deals_hold_their_company_and_contacts() {
        CompanySummary acme = companies.create(new CompanyDraft("Acme A/S", "acme.dk", "Main street 1", "DK"));
        ContactSummary ann = contacts.create(new ContactDraft("Ann", "Buyer", "Ann@Acme.dk", acme.id(), Locale.of("da")));
        assertThatThrownBy(() -> contacts.create(new ContactDraft("Ann", "Twin", "ann@acme.dk", null, null)))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("crm.contact.email-taken");

        DealDetails deal = deals.create(new DealDraft("Acme", null, DealStage.APPOINTMENT, Currency.getInstance("DKK"),
                acme.id(), Set.of(ann.id()), java.time.LocalDate.of(2027, 1, 31)));
        DealDetails read = deals.get(deal.id());
        assertThat(read.company().name()).isEqualTo("Acme A/S");
        assertThat(read.contacts()).extracting(ContactSummary::email).containsExactly("ann@acme.dk");
        assertThat(read.contacts().getFirst().preferredLocale()).isEqualTo(Locale.of("da"));
    }
}
