package com.commercehub.base.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A staff user who signs in with an e-mail address and a password. */
@Table("app_user")
class AppUser {

    @Id
    private Long id;
    @Version
    private Long version;
    private String email;
    private String displayName;
    private String passwordHash;
    private boolean enabled;
    private String preferredLocale;
    @MappedCollection(idColumn = "app_user")
    private Set<RoleGrant> roles = new HashSet<>();
    private Instant createdAt;
    private Instant updatedAt;

    AppUser() {
    }

    static AppUser create(String email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        AppUser user = new AppUser();
        user.email = normalizeEmail(email);
        user.displayName = displayName.strip();
        user.passwordHash = passwordHash;
        user.enabled = true;
        user.createdAt = now;
        user.updatedAt = now;
        user.assignRoles(roles, now);
        return user;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void assignRoles(Set<Role> newRoles, Instant now) {
        roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
        updatedAt = now;
    }

    void rename(String newDisplayName, Instant now) {
        displayName = newDisplayName.strip();
        updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        updatedAt = now;
    }

    void changePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    void preferLocale(Locale locale, Instant now) {
        preferredLocale = locale.toLanguageTag();
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Locale preferredLocale() {
        return preferredLocale == null ? null : Locale.forLanguageTag(preferredLocale);
    }

    Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(grant -> result.add(grant.role()));
        return result;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean isActiveAdmin() {
        return enabled && roles().contains(Role.ADMIN);
    }
}
