package com.commercehub.stripe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void same_operation_gives_the_same_key() {
        assertThat(IdempotencyKeys.key("quote", 42, "v3", "checkout")).isEqualTo("quote-42-v3-checkout");
        assertThat(IdempotencyKeys.forWrite("quote", 42, "v3", "checkout").getIdempotencyKey())
                .isEqualTo(IdempotencyKeys.key("quote", 42, "v3", "checkout"));
        assertThat(IdempotencyKeys.key("quote", 42, "v4", "checkout")).isNotEqualTo(IdempotencyKeys.key("quote", 42, "v3", "checkout"));
    }

    @Test
    void long_keys_stay_within_stripes_limit_and_stay_distinct() {
        String a = IdempotencyKeys.key("x".repeat(300), 1);
        String b = IdempotencyKeys.key("x".repeat(300), 2);
        assertThat(a).hasSizeLessThanOrEqualTo(255).startsWith("xxxx");
        assertThat(a).isNotEqualTo(b).isEqualTo(IdempotencyKeys.key("x".repeat(300), 1));
    }

    @Test
    void empty_keys_are_refused() {
        assertThatThrownBy(IdempotencyKeys::key).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKeys.key(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
