package com.commercehub.crm;

import java.util.Locale;

public record ContactDraft(String firstName, String lastName, String email, Long companyId, Locale preferredLocale) {
}
