package com.commercehub.stripe;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.commercehub.stripe.StripeEventStore.instant;
import static com.commercehub.stripe.StripeEventStore.truncate;
import static com.commercehub.stripe.StripeEventStore.utc;

/** The {@code stripe_reconcile_run} log. */
@Component
class ReconcileRunStore {

    private final JdbcClient jdbc;

    ReconcileRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String accountId, String triggeredBy, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stripe_reconcile_run (account_id, triggered_by, started_at) VALUES (:account, :by, :at)")
                .param("account", accountId).param("by", truncate(triggeredBy, 254)).param("at", utc(at)).update(keys);
        return keys.getKey().longValue();
    }

    void finish(long id, Instant at, int eventsSeen, int repaired, int errors, String details, String errorMessage,
                Long cursorCreated) {
        jdbc.sql("""
                        UPDATE stripe_reconcile_run SET finished_at = :at, events_seen = :seen, repaired = :repaired,
                            errors = :errors, details = :details, error_message = :error, cursor_created = :cursor
                        WHERE id = :id""")
                .param("at", utc(at)).param("seen", eventsSeen).param("repaired", repaired).param("errors", errors)
                .param("details", truncate(details)).param("error", truncate(errorMessage)).param("cursor", cursorCreated)
                .param("id", id).update();
    }

    /** The newest complete listing's cursor for the account. */
    Optional<Cursor> lastCursor(String accountId) {
        return jdbc.sql("""
                        SELECT cursor_created, started_at FROM stripe_reconcile_run
                        WHERE account_id = :account AND cursor_created IS NOT NULL ORDER BY id DESC LIMIT 1""")
                .param("account", accountId)
                .query((rs, row) -> new Cursor(rs.getLong("cursor_created"), instant(rs, "started_at"))).optional();
    }

    record Cursor(long created, Instant runStarted) {
    }

    Optional<ReconcileRun> find(long id) {
        return jdbc.sql("SELECT * FROM stripe_reconcile_run WHERE id = :id").param("id", id)
                .query(ReconcileRunStore::map).optional();
    }

    List<ReconcileRun> recent(long offset, int limit) {
        return jdbc.sql("SELECT * FROM stripe_reconcile_run ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ReconcileRunStore::map).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_reconcile_run").query(Long.class).single();
    }

    private static ReconcileRun map(ResultSet rs, int row) throws SQLException {
        return new ReconcileRun(rs.getLong("id"), rs.getString("account_id"), rs.getString("triggered_by"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("events_seen"), rs.getInt("repaired"),
                rs.getInt("errors"), rs.getString("details"), rs.getString("error_message"));
    }
}
