package com.commercehub.buyer;

/** The seller as buyer pages and PDFs name them; {@code initials} stand in for a logo until branding exists. */
public record Seller(String name, String address, String initials) {
}
