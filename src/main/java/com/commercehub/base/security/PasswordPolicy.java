package com.commercehub.base.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rule every new password meets; shared by the setup page, the user forms and ADMIN_PASSWORD. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /**
     * bcrypt reads only the first 72 bytes and Spring's encoder refuses longer input, so the limit is
     * on the UTF-8 bytes, not on characters: an accented letter takes two, most emoji four.
     */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The translation key of what is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.isBlank()) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        return Optional.empty();
    }
}
