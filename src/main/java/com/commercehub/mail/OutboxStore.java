package com.commercehub.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The outbox tables: storing messages, claiming due ones for a sender, recording each attempt. */
@Component
class OutboxStore {

    /** A claimed message with everything needed to send it. */
    record Claimed(long id, String recipient, String subject, String html, String text, int attempts,
                   Instant createdAt, Instant firstAttemptAt, List<EmailAttachment> attachments) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    OutboxStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // No gap locks while claiming: a claim must not hold up a business transaction that enqueues a message.
        ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** Inserts the message in the caller's transaction; a duplicate dedupe key throws DuplicateKeyException. */
    long insert(OutgoingEmail email, EmailStatus status, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO email_outbox (kind, dedupe_key, recipient, recipient_locale, subject, html_body,
                                                  text_body, status, attempts, created_at, next_attempt_at)
                        VALUES (:kind, :dedupeKey, :recipient, :locale, :subject, :html, :text, :status, 0, :now, :now)""")
                .param("kind", email.kind()).param("dedupeKey", email.dedupeKey())
                .param("recipient", email.recipient()).param("locale", email.locale().toLanguageTag())
                .param("subject", email.subject()).param("html", email.html()).param("text", email.text())
                .param("status", status.name()).param("now", utc(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        int position = 0;
        for (EmailAttachment attachment : email.attachments()) {
            jdbc.sql("""
                            INSERT INTO email_attachment (email_id, position, file_name, content_type, size_bytes, content)
                            VALUES (:email, :position, :name, :type, :size, :content)""")
                    .param("email", id).param("position", position++).param("name", attachment.fileName())
                    .param("type", attachment.contentType()).param("size", attachment.size())
                    .param("content", attachment.content()).update();
        }
        return id;
    }

    /**
     * The message stored under {@code dedupeKey}. A locking read, so it sees a row another transaction
     * committed after the caller's transaction took its snapshot.
     */
    Optional<Long> idForDedupeKey(String dedupeKey) {
        return jdbc.sql("SELECT id FROM email_outbox WHERE dedupe_key = :key LOCK IN SHARE MODE")
                .param("key", dedupeKey).query(Long.class).optional();
    }

    /**
     * Takes up to {@code limit} due messages for this sender, in a short transaction of its own: rows another
     * sender is claiming at the same moment are skipped, and a claimed row's next attempt moves past the lease,
     * so no other sender takes it until this one has recorded the outcome (or died and the lease ran out).
     * WAITING messages count as due: this is only called when SMTP is configured.
     */
    List<Long> claim(Instant now, int limit, Instant leaseEnd, String token) {
        return ownTransaction.execute(status -> {
            List<Long> ids = jdbc.sql("""
                            SELECT id FROM email_outbox
                            WHERE status IN ('PENDING', 'WAITING') AND next_attempt_at <= :now
                            ORDER BY next_attempt_at, id LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .param("now", utc(now)).param("limit", limit).query(Long.class).list();
            if (!ids.isEmpty()) {
                jdbc.sql("""
                                UPDATE email_outbox SET status = 'PENDING', next_attempt_at = :leaseEnd, claim_token = :token
                                WHERE id IN (:ids)""")
                        .param("leaseEnd", utc(leaseEnd)).param("token", token).param("ids", ids).update();
            }
            return ids;
        });
    }

    /** A claimed message with its attachments, as long as the claim is still this sender's. */
    Optional<Claimed> load(long id, String token) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, html_body, text_body, attempts, created_at, first_attempt_at
                        FROM email_outbox WHERE id = :id AND claim_token = :token AND status = 'PENDING'""")
                .param("id", id).param("token", token)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts"),
                        instant(rs.getObject("created_at", LocalDateTime.class)),
                        instant(rs.getObject("first_attempt_at", LocalDateTime.class)), attachments(id)))
                .optional();
    }

    List<EmailAttachment> attachments(long emailId) {
        return jdbc.sql("""
                        SELECT file_name, content_type, content FROM email_attachment
                        WHERE email_id = :id ORDER BY position""")
                .param("id", emailId)
                .query((rs, n) -> new EmailAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
    }

    /**
     * Records one attempt and its consequence in one transaction: SENT, back to PENDING until {@code next},
     * or FAILED when {@code next} is null. Returns false when the claim had been taken over meanwhile (the
     * attempt is logged all the same).
     */
    boolean recordAttempt(Claimed message, String token, Instant at, long durationMs, String error, Instant next) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            jdbc.sql("""
                            INSERT INTO email_attempt (email_id, attempted_at, outcome, error, duration_ms)
                            VALUES (:id, :at, :outcome, :error, :duration)""")
                    .param("id", message.id()).param("at", utc(at))
                    .param("outcome", error == null ? EmailStatus.SENT.name() : "ERROR")
                    .param("error", error).param("duration", durationMs).update();
            EmailStatus outcome = error == null ? EmailStatus.SENT : next == null ? EmailStatus.FAILED : EmailStatus.PENDING;
            int rows = jdbc.sql("""
                            UPDATE email_outbox SET status = :status, attempts = attempts + 1,
                                   first_attempt_at = COALESCE(first_attempt_at, :at), last_attempt_at = :at,
                                   sent_at = :sentAt, last_error = :error, next_attempt_at = :next, claim_token = NULL
                            WHERE id = :id AND claim_token = :token""")
                    .param("status", outcome.name()).param("at", utc(at))
                    .param("sentAt", outcome == EmailStatus.SENT ? utc(at) : null)
                    .param("error", error)
                    .param("next", utc(next == null ? at : next))
                    .param("id", message.id()).param("token", token).update();
            return rows == 1;
        }));
    }

    /** Starts a fresh round of attempts for a FAILED message; false when it is not FAILED (any more). */
    boolean retry(long id, EmailStatus status, Instant now) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = :status, attempts = 0, first_attempt_at = NULL,
                               next_attempt_at = :now, claim_token = NULL
                        WHERE id = :id AND status = 'FAILED'""")
                .param("status", status.name()).param("now", utc(now)).param("id", id).update() == 1;
    }
}
