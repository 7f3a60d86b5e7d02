package com.commercehub.base.security;

import java.time.Instant;

/** One row of the sign-in log. */
public record SignInEntry(long id, Instant occurredAt, String email, String clientAddress, SignInOutcome outcome) {
}
