package com.commercehub.product;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product fields a buyer's page turns into markup or links (docs/RELIABILITY.md, "Hostile input"): a SKU with markup
 * and a {@code javascript:} or {@code data:} address are refused next to the field, before anything is stored.
 */
class HostileProductFieldsTest {

    private static ProductDraft draft(String sku, String url, String imageUrl) {
        return new ProductDraft("Workshop", sku, null, Money.of("10.00", "EUR"), null, null, null, null, url, imageUrl);
    }

    @Test
    void a_sku_with_markup_is_refused() {
        for (String sku : new String[]{"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=1+1", "a b"}) {
            assertThat(ProductRules.check(draft(sku, null, null), Set.of())).extracting(FieldProblem::field)
                    .as(sku).containsExactly("sku");
        }
    }

    @Test
    void script_and_data_addresses_are_refused_as_product_and_image_links() {
        for (String url : new String[]{"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "//evil.example/x", "https://"}) {
            assertThat(ProductRules.check(draft("W-1", url, url), Set.of())).extracting(FieldProblem::field)
                    .as(url).containsExactlyInAnyOrder("url", "imageUrl");
        }
    }
}
