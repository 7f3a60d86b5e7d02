package com.commercehub.crm;

public record CompanyDraft(String name, String domain, String address, String country) {
}
