package com.commercehub.buyer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF renderer gets the buyer sheet with its custom properties resolved (it knows no var()). */
class QuotePdfCssTest {

    @Test
    void custom_properties_are_replaced_by_their_root_values() {
        String css = ":root { --brand: #1f5fbf; --line: #dfe3ea; }\n.logo { background: var(--brand); border: 1px solid var(--line); }"
                + " .x { color: var(--unknown); }";
        String resolved = QuotePdf.withVariablesResolved(css);
        assertThat(resolved).contains("background: #1f5fbf;", "border: 1px solid #dfe3ea;", "color: initial;")
                .doesNotContain("var(");
    }
}
