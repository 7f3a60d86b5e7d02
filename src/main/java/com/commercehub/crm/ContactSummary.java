package com.commercehub.crm;

import java.util.Locale;

public record ContactSummary(long id, long version, String firstName, String lastName, String email, Long companyId,
                             String companyName, Locale preferredLocale) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
