package com.commercehub.product;

import com.commercehub.base.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/** A product of the library. Prices are exact amounts of one currency. */
@Table("product")
class Product {

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private String sku;
    private String description;
    private BigDecimal priceAmount;
    private String currency;
    private String billingInterval;
    private Integer billingIntervalCount;
    private Integer termPeriods;
    private BigDecimal unitCostAmount;
    @Column("default_tax_rate")
    private AggregateReference<TaxRate, Long> defaultTaxRate;
    private String url;
    private String imageUrl;
    private boolean archived;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    static Product create(ProductDraft draft, String actor, Instant now) {
        Product product = new Product();
        product.createdBy = actor;
        product.createdAt = now;
        product.apply(draft, actor, now);
        return product;
    }

    /** Takes over every field of a validated draft. */
    void apply(ProductDraft draft, String actor, Instant now) {
        name = draft.name().strip();
        sku = draft.sku().strip();
        description = blankToNull(draft.description());
        priceAmount = draft.price().amount();
        currency = draft.price().currency().getCurrencyCode();
        billingInterval = draft.recurring() ? draft.frequency().unit().name() : null;
        billingIntervalCount = draft.recurring() ? draft.frequency().count() : null;
        termPeriods = draft.termPeriods();
        unitCostAmount = draft.unitCost();
        defaultTaxRate = draft.taxRateId() == null ? null : AggregateReference.to(draft.taxRateId());
        url = blankToNull(draft.url());
        imageUrl = blankToNull(draft.imageUrl());
        touch(actor, now);
    }

    void archive(String actor, Instant now) {
        archived = true;
        touch(actor, now);
    }

    void restore(String actor, Instant now) {
        archived = false;
        touch(actor, now);
    }

    private void touch(String actor, Instant now) {
        updatedBy = actor;
        updatedAt = now;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    ProductDetails details() {
        BillingFrequency frequency = billingInterval == null ? null
                : new BillingFrequency(IntervalUnit.valueOf(billingInterval), billingIntervalCount);
        return new ProductDetails(id, version, name, sku, description,
                new Money(priceAmount, Currency.getInstance(currency)), frequency, termPeriods, unitCostAmount,
                defaultTaxRate == null ? null : defaultTaxRate.getId(), url, imageUrl, archived, createdBy, createdAt,
                updatedBy, updatedAt);
    }
}
