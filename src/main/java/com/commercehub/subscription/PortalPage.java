package com.commercehub.subscription;

import java.util.List;
import java.util.Locale;

/**
 * What the buyer portal shows the buyer its link was issued to: their subscriptions, newest first.
 * {@code contactId} is whose the link is, for the portal's other documents (invoices, receipts).
 */
public record PortalPage(long contactId, String buyerName, String buyerEmail, Locale locale, List<SubscriptionDetails> subscriptions) {
}
