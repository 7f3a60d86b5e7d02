package com.commercehub.invoice;

import com.commercehub.product.ProductUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the product library which products are on invoices, so those are archived rather than deleted. */
@Component
class InvoiceProductUsage implements ProductUsage {

    private final JdbcClient jdbc;

    InvoiceProductUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countUses(long productId) {
        return jdbc.sql("SELECT COUNT(DISTINCT invoice) FROM invoice_line WHERE product = :product")
                .param("product", productId).query(Long.class).single();
    }

    @Override
    public String reasonKey() {
        return "invoice.product-in-use";
    }
}
