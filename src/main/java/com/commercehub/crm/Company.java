package com.commercehub.crm;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table("company")
class Company {

    @Id
    private Long id;
    @Version
    private Long version;
    private String name;
    private String domain;
    private String address;
    private String country;
    private Instant createdAt;
    private Instant updatedAt;

    static Company create(CompanyDraft draft, Instant now) {
        Company company = new Company();
        company.createdAt = now;
        company.apply(draft, now);
        return company;
    }

    void apply(CompanyDraft draft, Instant now) {
        name = draft.name().strip();
        domain = Text.blankToNull(draft.domain());
        address = Text.blankToNull(draft.address());
        country = Text.blankToNull(draft.country());
        updatedAt = now;
    }

    Long version() {
        return version;
    }

    CompanySummary summary() {
        return new CompanySummary(id, version, name, domain, address, country);
    }
}
