package com.commercehub.product;

import com.commercehub.base.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small helpers for product tests. */
public final class ProductTestData {

    private ProductTestData() {
    }

    public static ProductDraft oneTime(String name, String sku, String price, String currency) {
        return new ProductDraft(name, sku, null, Money.of(price, currency), null, null, null, null, null, null);
    }

    public static ProductDraft recurring(String name, String sku, String price, String currency,
                                         BillingFrequency frequency) {
        return new ProductDraft(name, sku, null, Money.of(price, currency), frequency, null, null, null, null, null);
    }

    public static void clear(JdbcClient jdbc) {
        // Deal lines refer to products; the deals go first (their lines with them). Invoices refer to both.
        jdbc.sql("UPDATE payment SET invoice = NULL WHERE invoice IS NOT NULL").update();
        jdbc.sql("DELETE FROM invoice_checkout").update();
        jdbc.sql("DELETE FROM invoice_manual_payment").update();
        jdbc.sql("DELETE FROM invoice").update();
        jdbc.sql("DELETE FROM quote").update();
        jdbc.sql("DELETE FROM deal").update();
        jdbc.sql("DELETE FROM product").update();
        jdbc.sql("DELETE FROM tax_rate").update();
    }
}
