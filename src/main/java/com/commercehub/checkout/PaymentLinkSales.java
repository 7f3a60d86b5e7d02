package com.commercehub.checkout;

import com.commercehub.base.money.Money;

import java.util.Optional;

/**
 * Port: what a completed payment-link purchase leads to, implemented by the payment-link feature (which
 * checkout must not depend on). Called inside the recording transaction, possibly more than once for a
 * session (events repeat, the return page also looks): implementations do their work once per session.
 */
public interface PaymentLinkSales {

    /** The buyer as Stripe Checkout collected them; {@code locale} is the language the pages were shown in (may be null). */
    record Buyer(String email, String name, String phone, java.util.Locale locale) {
    }

    /** Where the sale belongs in the CRM (each part may be null). */
    record Sale(Long dealId, Long contactId, Long companyId) {
    }

    /** The link's purchase completed: deactivate a one-time link, make its deal; empty when the link is unknown. */
    Optional<Sale> completed(long linkId, String checkoutSessionId, Buyer buyer, Money amount);

    /** A link as the e-mails about its subscriptions name it: its name, its buyers' language, who sold it. */
    record Described(String name, String language, String owner) {
    }

    /** The link, if it still exists. */
    Optional<Described> describe(long linkId);
}
