package com.commercehub.crm;

public record CompanySummary(long id, long version, String name, String domain, String address, String country) {
}
