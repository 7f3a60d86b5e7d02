package com.commercehub.base.security;

import java.util.Set;

/** A user's current right to their sessions: enabled, which roles, and which password. */
record SignInState(boolean enabled, Set<Role> roles, String passwordStamp) {
}
