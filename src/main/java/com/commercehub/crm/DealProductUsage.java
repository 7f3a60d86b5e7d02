package com.commercehub.crm;

import com.commercehub.product.ProductUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the product library which products are on deals, so those are archived rather than deleted. */
@Component
class DealProductUsage implements ProductUsage {

    private final JdbcClient jdbc;

    DealProductUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countUses(long productId) {
        return jdbc.sql("SELECT COUNT(DISTINCT deal) FROM deal_line WHERE product = :product")
                .param("product", productId).query(Long.class).single();
    }

    @Override
    public String reasonKey() {
        return "product.in-use.deals";
    }
}
