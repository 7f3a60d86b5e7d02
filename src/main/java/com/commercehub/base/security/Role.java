package com.commercehub.base.security;

/**
 * What a staff user may do. ADMIN runs settings, users and the Stripe connection; SALES works with
 * products, deals, quotes, links and invoices; FINANCE reads payments, dashboards and exports and is
 * read-only elsewhere.
 */
public enum Role {
    ADMIN, SALES, FINANCE;

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String SALES = "SALES";
        public static final String FINANCE = "FINANCE";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
