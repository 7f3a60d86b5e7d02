package com.commercehub.subscription;

/** The list's filters: text in the buyer's name, e-mail or company or the quote number, and a state (null: all). */
public record SubscriptionFilter(String search, SubscriptionState state) {

    public static SubscriptionFilter all() {
        return new SubscriptionFilter(null, null);
    }
}
