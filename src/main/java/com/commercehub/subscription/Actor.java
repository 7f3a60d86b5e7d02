package com.commercehub.subscription;

/** Who asked for a change: a staff member (by e-mail), the buyer in the portal, or Stripe. */
record Actor(String kind, String name) {

    static Actor staff(String email) {
        return new Actor("STAFF", email);
    }

    static Actor buyer(String email) {
        return new Actor("BUYER", email);
    }
}
