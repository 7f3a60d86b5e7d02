package com.commercehub.base.security;

/**
 * A value the caller's own HTTP session must hold to stay signed in after a change that ends the user's
 * other sessions (their own password change): set {@link #attribute()} to {@link #value()}.
 */
public record SessionStamp(String attribute, String value) {
}
