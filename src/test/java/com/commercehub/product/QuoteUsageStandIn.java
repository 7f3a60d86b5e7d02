package com.commercehub.product;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.HashSet;
import java.util.Set;

/**
 * A test double of the {@link ProductUsage} port, so the library's own tests need no quotes: products
 * whose ids are in {@link #USED} count as used on two quotes. (QuoteServiceIT proves the real one.)
 */
@TestConfiguration
public class QuoteUsageStandIn {

    public static final Set<Long> USED = new HashSet<>();

    @Bean
    ProductUsage quotesUsage() {
        return new ProductUsage() {
            @Override
            public long countUses(long productId) {
                return USED.contains(productId) ? 2 : 0;
            }

            @Override
            public String reasonKey() {
                return "product.in-use.quotes";
            }
        };
    }
}
