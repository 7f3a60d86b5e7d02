package com.commercehub.dashboard;

import java.util.Locale;

/**
 * Where a payment came from, derived from its record (never stored, so sources other features add later
 * need no data migration): one of our invoices, a subscription's renewal (a period paid outside the checkout
 * that started it, whether a quote or a payment link sold the subscription), a payment link, else the quote's
 * checkout.
 */
public enum PaymentSources {
    QUOTE, LINK, INVOICE, RENEWAL;

    /** The SQL that derives it from a {@code payment} row aliased {@code p}. */
    static final String SQL = """
            (CASE WHEN p.invoice IS NOT NULL THEN 'invoice'
                  WHEN (p.subscription IS NOT NULL OR p.stripe_subscription_id IS NOT NULL)
                       AND p.checkout_session_id IS NULL THEN 'renewal'
                  WHEN p.payment_link IS NOT NULL THEN 'link' ELSE 'quote' END)""";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentSources of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** A WHERE condition selecting payments of this source (alias {@code p}). */
    String condition() {
        return SQL + " = '" + code() + "'";
    }

    public String messageKey() {
        return "dashboard.source." + code();
    }
}
