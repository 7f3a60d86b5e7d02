package com.commercehub.subscription;

import com.commercehub.base.secrets.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Magic links into the buyer portal: 256 random bits, of which only the SHA-256 is stored with its one purpose
 * ({@value #PURPOSE}), the buyer (contact) it was issued to and an expiry an hour later. A token that is
 * malformed, unknown, of another purpose or expired opens nothing.
 */
@Component
class PortalLinks {

    static final String PURPOSE = "portal";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortalLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh token for the contact (in the caller's transaction). */
    String issue(long contactId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        // Expired links are of no use to anyone: each issue sweeps some away.
        jdbc.sql("DELETE FROM portal_link WHERE expires_at < :cutoff LIMIT 100")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        jdbc.sql("""
                        INSERT INTO portal_link (token_hash, purpose, contact, created_at, expires_at)
                        VALUES (:hash, :purpose, :contact, :now, :expires)""")
                .param("hash", Sha256.hex(token)).param("purpose", PURPOSE).param("contact", contactId)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(LIFETIME))).update();
        return token;
    }

    /** The contact the token was issued to, while it is valid. */
    Optional<Long> contactOf(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT contact FROM portal_link
                        WHERE token_hash = :hash AND purpose = :purpose AND expires_at > :now""")
                .param("hash", Sha256.hex(token)).param("purpose", PURPOSE).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    /** 43 URL-safe base64 characters; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
