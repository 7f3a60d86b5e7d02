package com.commercehub.quote;

import com.commercehub.product.ProductUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the product library which products are on quotes, so those are archived rather than deleted. */
@Component
class QuoteProductUsage implements ProductUsage {

    private final JdbcClient jdbc;

    QuoteProductUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countUses(long productId) {
        return jdbc.sql("SELECT COUNT(DISTINCT quote) FROM quote_line WHERE product = :product")
                .param("product", productId).query(Long.class).single();
    }

    @Override
    public String reasonKey() {
        return "product.in-use.quotes";
    }
}
