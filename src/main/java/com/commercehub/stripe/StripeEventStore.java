package com.commercehub.stripe;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code stripe_event} table: every verified event once by its id, and where its processing stands.
 * Worker updates run inside the worker's transaction, which holds the row's lock.
 */
@Component
class StripeEventStore {

    static final int MAX_ERROR_LENGTH = 2000;

    enum Source { WEBHOOK, RECONCILER }

    private final JdbcClient jdbc;

    StripeEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plain read (no lock): a duplicate delivery must not wait for a worker that holds the row. */
    boolean exists(String id) {
        return jdbc.sql("SELECT 1 FROM stripe_event WHERE id = :id").param("id", id).query(Integer.class).optional()
                .isPresent();
    }

    /** Stores the event as PENDING, due now; false when an event with this id is already stored. */
    boolean insert(StoredEvent event, Source source, Instant receivedAt) {
        try {
            jdbc.sql("""
                            INSERT INTO stripe_event (id, account_id, type, api_version, created, payload, state, source,
                                attempts, next_attempt_at, received_at)
                            VALUES (:id, :account, :type, :version, :created, :payload, 'PENDING', :source, 0, :at, :at)""")
                    .param("id", event.id()).param("account", event.accountId()).param("type", event.type())
                    .param("version", event.apiVersion()).param("created", event.created())
                    .param("payload", event.payload()).param("source", source.name())
                    .param("at", utc(receivedAt))
                    .update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /**
     * Locks the event for the current transaction if it is pending and due; empty when it is not, or when
     * another worker holds it right now ({@code SKIP LOCKED} does not wait).
     */
    Optional<StoredEvent> lockIfDue(String id, Instant now) {
        return jdbc.sql("""
                        SELECT id, account_id, type, api_version, created, payload, attempts FROM stripe_event
                        WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now
                        FOR UPDATE SKIP LOCKED""")
                .param("id", id).param("now", utc(now))
                .query((rs, row) -> new StoredEvent(rs.getString("id"), rs.getString("account_id"), rs.getString("type"),
                        rs.getString("api_version"), rs.getLong("created"), rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    /** PROCESSED or IGNORED, with the number of tries it took. */
    void finish(String id, StripeEventState state, int attempts, Instant at) {
        jdbc.sql("""
                        UPDATE stripe_event SET state = :state, attempts = :attempts, processed_at = :at,
                            next_attempt_at = NULL, last_error = NULL WHERE id = :id""")
                .param("state", state.name()).param("attempts", attempts).param("at", utc(at)).param("id", id).update();
    }

    /** A failed try: stays PENDING until {@code nextAttempt}. */
    void retryLater(String id, int attempts, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE stripe_event SET attempts = :attempts, next_attempt_at = :next, last_error = :error WHERE id = :id")
                .param("attempts", attempts).param("next", utc(nextAttempt)).param("error", truncate(error))
                .param("id", id).update();
    }

    /** The last try failed too: FAILED with the reason, until an admin retries. */
    void fail(String id, int attempts, Instant at, String error) {
        jdbc.sql("""
                        UPDATE stripe_event SET state = 'FAILED', attempts = :attempts, next_attempt_at = NULL,
                            processed_at = :at, last_error = :error WHERE id = :id""")
                .param("attempts", attempts).param("at", utc(at)).param("error", truncate(error)).param("id", id).update();
    }

    /** Pending events that are due, oldest due first (served by the (state, next_attempt_at) index). */
    List<String> dueIds(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM stripe_event WHERE state = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", utc(now)).param("limit", limit).query(String.class).list();
    }

    /** A FAILED event becomes due again now; false when it is not (or no longer) failed. */
    boolean retry(String id, Instant now) {
        return jdbc.sql("UPDATE stripe_event SET state = 'PENDING', next_attempt_at = :now WHERE id = :id AND state = 'FAILED'")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    StripeEventCounts counts() {
        Map<String, Long> byState = jdbc.sql("SELECT state, COUNT(*) AS n FROM stripe_event GROUP BY state")
                .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long retrying = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE state = 'PENDING' AND attempts > 0")
                .query(Long.class).single();
        return new StripeEventCounts(byState.getOrDefault("PENDING", 0L), retrying, byState.getOrDefault("FAILED", 0L),
                byState.getOrDefault("PROCESSED", 0L), byState.getOrDefault("IGNORED", 0L));
    }

    long countFailed() {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE state = 'FAILED'").query(Long.class).single();
    }

    /** Newest first (served by the (state, received_at) index). */
    List<FailedStripeEvent> failed(long offset, int limit) {
        return jdbc.sql("""
                        SELECT id, type, account_id, attempts, last_error, received_at, processed_at FROM stripe_event
                        WHERE state = 'FAILED' ORDER BY received_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new FailedStripeEvent(rs.getString("id"), rs.getString("type"),
                        rs.getString("account_id"), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs, "received_at"), instant(rs, "processed_at")))
                .list();
    }

    Optional<StripeEventState> state(String id) {
        return jdbc.sql("SELECT state FROM stripe_event WHERE id = :id").param("id", id).query(String.class).optional()
                .map(StripeEventState::valueOf);
    }

    static String truncate(String text) {
        return truncate(text, MAX_ERROR_LENGTH);
    }

    static String truncate(String text, int length) {
        if (text == null) {
            return null;
        }
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
