package com.commercehub.product;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;

import static com.commercehub.product.ProductTestData.oneTime;
import static com.commercehub.product.ProductTestData.recurring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
@Import(QuoteUsageStandIn.class)
@WithMockUser(username = "sam@example.com", roles = "SALES")
class ProductServiceIT {

    @Autowired
    ProductService products;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyLibrary() {
        ProductTestData.clear(jdbc);
        QuoteUsageStandIn.USED.clear();
    }

    private static ProductFilter search(String text) {
        return new ProductFilter(text, null, null, ProductFilter.Status.ACTIVE);
    }

    @Test
    void sku_is_unique_whatever_its_case() {
        products.create(oneTime("Widget", "wid-1", "10.00", "EUR"));
        assertThatThrownBy(() -> products.create(oneTime("Other widget", "WID-1", "12.00", "EUR")))
                .isInstanceOf(ProductValidationException.class)
                .satisfies(e -> assertThat(((ProductValidationException) e).problems())
                        .containsExactly(FieldProblem.of("sku", "product.sku.taken")));
        assertThat(products.count(search(""))).isEqualTo(1);
    }

    @Test
    void product_round_trips_with_exact_money_and_audit_fields() {
        ProductDetails saved = products.create(new ProductDraft("Support", "SUP-1", "Help desk",
                Money.of("1234.567", "KWD"), BillingFrequency.QUARTERLY, 4, new BigDecimal("100.1234"), null,
                "https://example.com/support", null));
        ProductDetails read = products.get(saved.id());
        assertThat(read.price()).isEqualTo(Money.of("1234.567", "KWD"));
        assertThat(read.frequency()).isEqualTo(new BillingFrequency(IntervalUnit.MONTH, 3));
        assertThat(read.termPeriods()).isEqualTo(4);
        assertThat(read.unitCost()).isEqualByComparingTo("100.1234");
        assertThat(read.createdBy()).isEqualTo("sam@example.com");
        assertThat(read.updatedBy()).isEqualTo("sam@example.com");
        assertThat(read.createdAt()).isNotNull();
    }

    @Test
    void prices_are_checked_against_the_currency() {
        assertThatThrownBy(() -> products.create(oneTime("Yen thing", "JPY-1", "100.5", "JPY")))
                .isInstanceOf(ProductValidationException.class)
                .satisfies(e -> assertThat(((ProductValidationException) e).problems())
                        .containsExactly(FieldProblem.of("price", "product.price.decimals", 0, "JPY")));
        assertThatThrownBy(() -> products.create(oneTime("Refund", "NEG-1", "-1.00", "EUR")))
                .isInstanceOf(ProductValidationException.class);
        assertThatThrownBy(() -> products.create(recurring("Too long", "LONG-1", "5.00", "EUR",
                new BillingFrequency(IntervalUnit.MONTH, 37)))).isInstanceOf(ProductValidationException.class);
        assertThat(products.create(oneTime("Free sample", "FREE-1", "0", "EUR")).price().isZero()).isTrue();
        assertThat(products.count(search(""))).isEqualTo(1);
    }

    @Test
    void an_unused_product_is_deleted_but_a_used_one_must_be_archived() {
        ProductDetails unused = products.create(oneTime("Unused", "UN-1", "1.00", "EUR"));
        ProductDetails used = products.create(oneTime("Used", "US-1", "1.00", "EUR"));
        QuoteUsageStandIn.USED.add(used.id());

        products.delete(unused.id(), unused.version());
        assertThatThrownBy(() -> products.delete(used.id(), used.version()))
                .isInstanceOf(ProductInUseException.class)
                .satisfies(e -> {
                    assertThat(((ProductInUseException) e).reasonKey()).isEqualTo("product.in-use.quotes");
                    assertThat(((ProductInUseException) e).uses()).isEqualTo(2);
                });
        assertThat(products.count(new ProductFilter("", null, null, ProductFilter.Status.ALL))).isEqualTo(1);

        ProductDetails archived = products.archive(used.id(), used.version());
        assertThat(archived.archived()).isTrue();
        assertThat(products.count(search(""))).isZero();
        assertThat(products.count(new ProductFilter("", null, null, ProductFilter.Status.ARCHIVED))).isEqualTo(1);
        assertThat(products.restore(archived.id(), archived.version()).archived()).isFalse();
    }

    @Test
    void the_second_of_two_concurrent_edits_is_refused_and_the_first_kept() {
        ProductDetails original = products.create(oneTime("Desk", "DESK-1", "200.00", "EUR"));
        ProductDetails firstEdit = products.update(original.id(), original.version(),
                oneTime("Standing desk", "DESK-1", "250.00", "EUR"));

        assertThatThrownBy(() -> products.update(original.id(), original.version(),
                oneTime("Desk (old copy)", "DESK-1", "180.00", "EUR")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        ProductDetails now = products.get(original.id());
        assertThat(now.name()).isEqualTo("Standing desk");
        assertThat(now.price()).isEqualTo(Money.of("250", "EUR"));
        assertThat(now.version()).isEqualTo(firstEdit.version());
    }

    @Test
    void search_matches_names_anywhere_and_skus_from_the_start_and_filters_combine() {
        products.create(oneTime("Blue chair", "CH-BLUE", "50.00", "EUR"));
        products.create(oneTime("Red chair", "CH-RED", "50.00", "USD"));
        products.create(recurring("Chair rental", "RENT-1", "5.00", "EUR", BillingFrequency.MONTHLY));
        products.create(oneTime("Lamp 100% LED", "LAMP_1", "20.00", "EUR"));

        assertThat(products.page(search("chair"), PageRequest.of(0, 10))).extracting(ProductListEntry::name)
                .containsExactly("Blue chair", "Chair rental", "Red chair");
        assertThat(products.page(search("ch-"), PageRequest.of(0, 10))).extracting(ProductListEntry::sku)
                .containsExactly("CH-BLUE", "CH-RED");
        assertThat(products.page(search("100%"), PageRequest.of(0, 10))).extracting(ProductListEntry::sku)
                .containsExactly("LAMP_1");
        assertThat(products.count(search("ch_"))).as("_ is not a wildcard").isZero();
        assertThat(products.page(new ProductFilter("chair", ProductFilter.BillingKind.RECURRING, null,
                ProductFilter.Status.ACTIVE), PageRequest.of(0, 10))).extracting(ProductListEntry::sku)
                .containsExactly("RENT-1");
        assertThat(products.page(new ProductFilter("", ProductFilter.BillingKind.ONE_TIME, "EUR",
                ProductFilter.Status.ACTIVE), PageRequest.of(0, 10, Sort.by(Sort.Order.desc("price")))))
                .extracting(ProductListEntry::sku).containsExactly("CH-BLUE", "LAMP_1");
        assertThat(products.currenciesInUse()).containsExactly("EUR", "USD");
    }

    @Test
    @WithMockUser(username = "fin@example.com", roles = "FINANCE")
    void finance_reads_but_cannot_change_the_library() {
        assertThat(products.count(search(""))).isZero();
        assertThatThrownBy(() -> products.create(oneTime("Sneaky", "SN-1", "1.00", "EUR")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
