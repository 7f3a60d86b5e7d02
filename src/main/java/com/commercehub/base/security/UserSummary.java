package com.commercehub.base.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** What the rest of the application may know about a user: never the password hash. */
public record UserSummary(long id, long version, String email, String displayName, Set<Role> roles,
                          boolean enabled, Locale preferredLocale, Instant createdAt) {

    static UserSummary of(AppUser user) {
        return new UserSummary(user.id(), user.version(), user.email(), user.displayName(), user.roles(),
                user.enabled(), user.preferredLocale(), user.createdAt());
    }
}
