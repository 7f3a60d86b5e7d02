package com.commercehub.link.ui;

import com.commercehub.base.security.Role;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox answers over HTTP, so this test needs the web server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PromotionCodesViewTest extends KaribuTest {

    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bad_input_is_refused_next_to_the_field_and_a_good_code_is_made_at_stripe() {
        AsAdmin.call(stripe::useSandbox);
        login("sam@example.com", Role.SALES);
        navigate("promotion-codes");
        PromotionCodesView view = _get(PromotionCodesView.class);
        ButtonKt._click(view.create);
        PromotionCodesView.CodeDialog dialog = _get(PromotionCodesView.CodeDialog.class);
        dialog.code.setValue("no spaces!");
        dialog.percentOff.setValue(new BigDecimal("120"));
        dialog.expiresOn.setValue(LocalDate.now().minusDays(3));
        dialog.maxRedemptions.setValue(0);
        ButtonKt._click(dialog.save);
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Use 1–50 letters, digits, dashes or underscores.");
        assertThat(dialog.percentOff.getErrorMessage()).isEqualTo("Enter a percentage above 0 and up to 100.");
        assertThat(dialog.expiresOn.getErrorMessage()).isEqualTo("The code cannot expire in the past.");
        assertThat(dialog.maxRedemptions.getErrorMessage()).isEqualTo("The limit must be at least 1.");

        String code = "KARIBU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        dialog.code.setValue(code);
        dialog.percentOff.clear();
        dialog.amountOff.setValue(new BigDecimal("5.00"));
        dialog.currency.setValue("EUR");
        dialog.expiresOn.clear();
        dialog.maxRedemptions.setValue(3);
        ButtonKt._click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.sql("SELECT stripe_promotion_code_id FROM promotion_code WHERE code = :c").param("c", code)
                .query(String.class).single()).startsWith("promo_");
    }

    @Autowired
    com.commercehub.link.PaymentLinkService links;
    @Autowired
    com.commercehub.link.PromotionCodeService codes;
    @Autowired
    com.commercehub.product.ProductService products;

    @Test
    void a_code_limited_to_a_chosen_link_is_listed_with_that_link() {
        AsAdmin.call(stripe::useSandbox);
        String sku = "PCV-" + UUID.randomUUID().toString().substring(0, 8);
        long product = AsAdmin.call(() -> products.create(com.commercehub.product.ProductTestData.oneTime(
                "Class " + sku, sku, "20.00", "EUR")).id());
        String linkName = "Spring class " + sku;
        long linkId = AsAdmin.call(() -> links.create(new com.commercehub.link.PaymentLinkDraft(linkName,
                java.util.List.of(new com.commercehub.link.PaymentLinkDraft.Item(product, 1, null, null)), true, null,
                false, "", false, null, false, com.commercehub.link.PaymentLinkDraft.AfterPayment.MESSAGE, null, null,
                null, null)));
        login("sam@example.com", Role.SALES);
        navigate("promotion-codes");
        PromotionCodesView view = _get(PromotionCodesView.class);
        ButtonKt._click(view.create);
        PromotionCodesView.CodeDialog dialog = _get(PromotionCodesView.CodeDialog.class);
        String code = "LINKED" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        dialog.code.setValue(code);
        dialog.percentOff.setValue(new BigDecimal("15"));
        var link = dialog.onlyLinks.getListDataView().getItems().filter(l -> l.id() == linkId).findFirst().orElseThrow();
        dialog.onlyLinks.setValue(java.util.Set.of(link));
        ButtonKt._click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        long codeId = jdbc.sql("SELECT id FROM promotion_code WHERE code = :c").param("c", code).query(Long.class).single();
        try {
            int row = java.util.stream.IntStream.range(0, com.github.mvysny.kaributesting.v10.GridKt._size(view.grid))
                    .filter(i -> com.github.mvysny.kaributesting.v10.GridKt._get(view.grid, i).id() == codeId)
                    .findFirst().orElseThrow();
            assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(view.grid, row)).contains(code, linkName);
        } finally {
            // An active code limited to one link takes Stripe's code field from the others (tests share the database).
            AsAdmin.call(() -> {
                codes.deactivate(codeId, 0);
                return null;
            });
        }
    }

    @Test
    void finance_cannot_open_promotion_codes() {
        login("fin@example.com", Role.FINANCE);
        assertThatThrownBy(() -> navigate("promotion-codes")).hasMessageContaining("Access is denied");
    }
}
