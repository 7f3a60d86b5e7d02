package com.commercehub.crm;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.Locale;

@Table("contact")
class Contact {

    @Id
    private Long id;
    @Version
    private Long version;
    private String firstName;
    private String lastName;
    private String email;
    @Column("company")
    private AggregateReference<Company, Long> company;
    private String preferredLocale;
    private Instant createdAt;
    private Instant updatedAt;

    static Contact create(ContactDraft draft, Instant now) {
        Contact contact = new Contact();
        contact.createdAt = now;
        contact.apply(draft, now);
        return contact;
    }

    void apply(ContactDraft draft, Instant now) {
        firstName = draft.firstName().strip();
        lastName = draft.lastName().strip();
        email = draft.email().strip().toLowerCase(Locale.ROOT);
        company = draft.companyId() == null ? null : AggregateReference.to(draft.companyId());
        preferredLocale = draft.preferredLocale() == null ? null : draft.preferredLocale().toLanguageTag();
        updatedAt = now;
    }

    Long version() {
        return version;
    }

    Long id() {
        return id;
    }
}
