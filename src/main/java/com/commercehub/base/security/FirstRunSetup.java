package com.commercehub.base.security;

import com.commercehub.base.secrets.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Creates the first administrator without any built-in password: from ADMIN_EMAIL/ADMIN_PASSWORD
 * when set, otherwise through a one-time setup link that is printed to the console. Only the
 * link's SHA-256 hash is stored, and it is consumed in the same transaction that creates the admin.
 * A link is valid for {@link #LINK_LIFETIME}; every start while no user exists issues a fresh one.
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private final UserService userService;
    private final AppUserRepository users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String adminEmail;
    private final String adminPassword;

    FirstRunSetup(UserService userService, AppUserRepository users, JdbcClient jdbc, Clock clock,
                  @Value("${hub.admin.email:}") String adminEmail,
                  @Value("${hub.admin.password:}") String adminPassword) {
        this.userService = userService;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    /**
     * Runs at start-up. Returns a fresh setup token when the first visitor must create the admin,
     * or empty when users exist or the admin came from the environment.
     */
    @Transactional
    public Optional<String> prepare() {
        // Any earlier link dies at each start; a new one is issued only while no user exists.
        jdbc.sql("DELETE FROM setup_token").update();
        if (users.count() > 0) {
            return Optional.empty();
        }
        if (!adminEmail.isBlank() && !adminPassword.isBlank()) {
            try {
                userService.createUnchecked(adminEmail, adminEmail, adminPassword, EnumSet.of(Role.ADMIN));
                log.info("Created the first administrator {} from ADMIN_EMAIL", AppUser.normalizeEmail(adminEmail));
                return Optional.empty();
            } catch (UserValidationException e) {
                log.error("ADMIN_EMAIL/ADMIN_PASSWORD not used: {}. Printing a one-time setup link instead.",
                        describe(e));
            }
        }
        String token = newToken();
        jdbc.sql("INSERT INTO setup_token (token_hash, created_at) VALUES (:hash, :now)")
                .param("hash", hash(token))
                .param("now", clock.instant())
                .update();
        return Optional.of(token);
    }

    /** True while the link can still be used: no user exists, the token matches and is younger than a day. */
    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return token != null && users.count() == 0 && jdbc.sql("""
                        SELECT COUNT(*) FROM setup_token WHERE token_hash = :hash AND created_at > :oldest""")
                .param("hash", hash(token)).param("oldest", oldestValid()).query(Integer.class).single() > 0;
    }

    /**
     * Creates the first administrator and consumes the token. A second use — even a concurrent
     * one — fails with {@code setup.link-used}: the token row is deleted under a row lock first.
     */
    @Transactional
    public void completeSetup(String token, String email, String displayName, String password) {
        int consumed = token == null ? 0 : jdbc.sql("""
                        DELETE FROM setup_token WHERE token_hash = :hash AND created_at > :oldest""")
                .param("hash", hash(token)).param("oldest", oldestValid()).update();
        if (consumed == 0 || users.count() > 0) {
            throw new UserValidationException(null, "setup.link-used");
        }
        userService.createUnchecked(email, displayName, password, EnumSet.of(Role.ADMIN));
    }

    private Instant oldestValid() {
        return clock.instant().minus(LINK_LIFETIME);
    }

    /** What an operator reads in the log when ADMIN_EMAIL/ADMIN_PASSWORD cannot be used. */
    static String describe(UserValidationException e) {
        return switch (e.messageKey()) {
            case "password.too-short" -> "ADMIN_PASSWORD must have at least " + PasswordPolicy.MIN_LENGTH + " characters";
            case "password.too-long" -> "ADMIN_PASSWORD is longer than " + PasswordPolicy.MAX_BYTES
                    + " bytes in UTF-8 (bcrypt's limit; accented letters take 2 bytes, emoji 4)";
            case "user.email.invalid" -> "ADMIN_EMAIL is not an e-mail address";
            default -> e.messageKey();
        };
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
