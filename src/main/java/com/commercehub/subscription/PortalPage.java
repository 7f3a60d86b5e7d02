package com.commercehub.subscription;

import java.util.List;
import java.util.Locale;

/** What the buyer portal shows the buyer its link was issued to: their subscriptions, newest first. */
public record PortalPage(String buyerName, String buyerEmail, Locale locale, List<SubscriptionDetails> subscriptions) {
}
