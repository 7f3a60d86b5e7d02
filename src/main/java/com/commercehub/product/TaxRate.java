package com.commercehub.product;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A tax rate products and quote lines can carry; inclusive rates are part of the price. */
@Table("tax_rate")
class TaxRate {

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private BigDecimal percentage;
    private boolean inclusive;
    private String country;
    private String region;
    private boolean archived;
    private Instant createdAt;
    private Instant updatedAt;

    static TaxRate create(TaxRateDraft draft, Instant now) {
        TaxRate rate = new TaxRate();
        rate.createdAt = now;
        rate.apply(draft, now);
        return rate;
    }

    void apply(TaxRateDraft draft, Instant now) {
        name = draft.name().strip();
        percentage = draft.percentage();
        inclusive = draft.inclusive();
        country = draft.country() == null || draft.country().isBlank() ? null : draft.country().strip().toUpperCase();
        region = draft.region() == null || draft.region().isBlank() ? null : draft.region().strip();
        updatedAt = now;
    }

    void setArchived(boolean archived, Instant now) {
        this.archived = archived;
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    TaxRateSummary summary() {
        return new TaxRateSummary(id, version, name, percentage, inclusive, country, region, archived);
    }
}
