package com.commercehub.base.security;

import com.commercehub.base.db.SqlLike;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Who tried to sign in, from where, and how it ended; kept for {@link #RETENTION}. */
@Service
public class SignInLog {

    static final Duration RETENTION = Duration.ofDays(90);
    private static final int MAX_EMAIL = 254;
    private static final int MAX_ADDRESS = 45;

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes one attempt in its own transaction: a refused sign-in rolls nothing back with it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(String email, String clientAddress, SignInOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO sign_in_event (occurred_at, email, client_address, outcome)
                        VALUES (:now, :email, :address, :outcome)""")
                .param("now", clock.instant())
                .param("email", truncate(email == null ? "" : AppUser.normalizeEmail(email), MAX_EMAIL))
                .param("address", truncate(clientAddress == null ? "" : clientAddress, MAX_ADDRESS))
                .param("outcome", outcome.name())
                .update();
    }

    /** Newest first; {@code search} matches the start of the e-mail or the address. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public List<SignInEntry> page(String search, Pageable page) {
        return jdbc.sql("""
                        SELECT id, occurred_at, email, client_address, outcome FROM sign_in_event
                        WHERE email LIKE :prefix ESCAPE '!' OR client_address LIKE :prefix ESCAPE '!'
                        ORDER BY occurred_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("prefix", prefix(search))
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, n) -> new SignInEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("email"), rs.getString("client_address"),
                        SignInOutcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public int count(String search) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM sign_in_event
                        WHERE email LIKE :prefix ESCAPE '!' OR client_address LIKE :prefix ESCAPE '!'""")
                .param("prefix", prefix(search)).query(Integer.class).single();
    }

    /** Idempotent, so every node may run it. */
    @Scheduled(fixedDelay = 6, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    @Transactional
    public void forgetOldEntries() {
        jdbc.sql("DELETE FROM sign_in_event WHERE occurred_at < :oldest")
                .param("oldest", clock.instant().minus(RETENTION)).update();
    }

    private static String prefix(String search) {
        return SqlLike.escape(search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
