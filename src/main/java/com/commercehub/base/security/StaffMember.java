package com.commercehub.base.security;

/** A user as others pick them: as a deal owner or a countersigner. */
public record StaffMember(String email, String displayName) {
}
