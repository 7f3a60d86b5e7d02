package com.commercehub.base.security;

/**
 * What a staff user may do. ADMIN runs settings, users and the Stripe connection; SALES works with
 * products, deals, quotes, links and invoices; FINANCE reads payments, dashboards and exports and is
 * read-only elsewhere.
 */
public enum Role {
    ADMIN, SALES, FINANCE;

    /** Role names for views' {@code @RolesAllowed}, which Vaadin's navigation access control reads. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String SALES = "SALES";
        public static final String FINANCE = "FINANCE";

        private Names() {
        }
    }

    /**
     * Authorities for services' {@code @Secured}. Services use Spring's annotation, views Vaadin's:
     * JSR-250 method security would also proxy every {@code @RolesAllowed} view.
     */
    public static final class Authority {
        public static final String ADMIN = "ROLE_ADMIN";
        public static final String SALES = "ROLE_SALES";
        public static final String FINANCE = "ROLE_FINANCE";

        private Authority() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
