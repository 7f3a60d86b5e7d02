package com.commercehub.base.security;

import java.util.Optional;

/** The rule every new password meets; shared by the setup page, the user form and ADMIN_PASSWORD. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The translation key of what is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        if (password.isBlank()) {
            return Optional.of("password.too-short");
        }
        return Optional.empty();
    }
}
