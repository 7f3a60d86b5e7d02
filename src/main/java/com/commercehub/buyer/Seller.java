package com.commercehub.buyer;

/** The seller as buyer pages and PDFs name them; {@code initials} stand in for a logo when the branding has none. */
public record Seller(String name, String address, String initials) {
}
