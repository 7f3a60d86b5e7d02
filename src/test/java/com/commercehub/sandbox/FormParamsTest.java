package com.commercehub.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormParamsTest {

    @Test
    void bracket_notation_becomes_nested_maps_and_ordered_lists() {
        Map<String, Object> params = FormParams.parse("mode=payment"
                + "&line_items[1][quantity]=3&line_items[0][price_data][unit_amount]=500"
                + "&line_items[0][price_data][product_data][name]=Caf%C3%A9+cr%C3%A8me&line_items[0][quantity]=1"
                + "&line_items[10][quantity]=7&expand[]=line_items&expand[]=customer&metadata[quote]=42&metadata[note]=");
        assertThat(params.get("mode")).isEqualTo("payment");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) params.get("line_items");
        assertThat(lines).extracting(l -> l.get("quantity")).containsExactly("1", "3", "7");
        assertThat(lines.getFirst()).isEqualTo(Map.of("quantity", "1", "price_data",
                Map.of("unit_amount", "500", "product_data", Map.of("name", "Café crème"))));
        assertThat(params.get("expand")).isEqualTo(List.of("line_items", "customer"));
        assertThat(params.get("metadata")).isEqualTo(Map.of("quote", "42", "note", ""));
    }

    @Test
    void indexed_lists_without_empty_brackets_and_empty_input() {
        assertThat(FormParams.parse("expand[0]=a&expand[1]=b").get("expand")).isEqualTo(List.of("a", "b"));
        assertThat(FormParams.parse("")).isEmpty();
        assertThat(FormParams.parse(null)).isEmpty();
    }

    @Test
    void malformed_names_are_a_stripe_400() {
        assertThatThrownBy(() -> FormParams.parse("line_items[0=x"))
                .isInstanceOfSatisfying(StripeError.class, e -> assertThat(e.status).isEqualTo(400));
    }

    @Test
    void card_fee_is_2_9_percent_plus_30_cents_in_the_currencys_unit() {
        assertThat(SandboxCurrencies.fee(10_000, "usd")).isEqualTo(320);
        assertThat(SandboxCurrencies.fee(1_999, "eur")).isEqualTo(88); // 57.971 + 30 = 87.971
        assertThat(SandboxCurrencies.fee(5_000, "jpy")).isEqualTo(145); // 145 + 0.3 → 145
        assertThat(SandboxCurrencies.fee(10_000, "kwd")).isEqualTo(590); // 290 + 300
    }
}
