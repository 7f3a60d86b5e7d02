package com.commercehub.mail;

import com.commercehub.base.security.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.commercehub.mail.OutboxStore.instant;

/** ADMIN: what is in the outbox, whether SMTP is configured, and retrying a message that failed. */
@Service
public class EmailMessages {

    private final JdbcClient jdbc;
    private final OutboxStore store;
    private final SmtpGateway smtp;
    private final Clock clock;

    EmailMessages(JdbcClient jdbc, OutboxStore store, SmtpGateway smtp, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** The SMTP server messages go out through (host, port, security, sender; never the password). */
    @Secured(Role.Authority.ADMIN)
    public SmtpStatus smtp() {
        return smtp.status();
    }

    /** One page of messages, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public List<EmailListEntry> page(EmailStatus status, Pageable page) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, kind, status, attempts, created_at, last_attempt_at
                        FROM email_outbox WHERE (:status IS NULL OR status = :status)
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("status", status == null ? null : status.name())
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new EmailListEntry(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("kind"), EmailStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), time(rs, "created_at"), time(rs, "last_attempt_at")))
                .list();
    }

    /** How many messages {@link #page} would list in all. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public int count(EmailStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE (:status IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name()).query(Integer.class).single();
    }

    /** Everything about one message, or empty when there is no such message. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public Optional<EmailDetails> details(long id) {
        List<EmailDetails.Attachment> attachments = jdbc.sql("""
                        SELECT file_name, content_type, size_bytes FROM email_attachment
                        WHERE email_id = :id ORDER BY position""")
                .param("id", id)
                .query((rs, n) -> new EmailDetails.Attachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getInt("size_bytes")))
                .list();
        List<EmailDetails.Attempt> attempts = jdbc.sql("""
                        SELECT attempted_at, outcome, error, duration_ms FROM email_attempt
                        WHERE email_id = :id ORDER BY attempted_at DESC, id DESC""")
                .param("id", id)
                .query((rs, n) -> new EmailDetails.Attempt(time(rs, "attempted_at"),
                        EmailStatus.SENT.name().equals(rs.getString("outcome")), rs.getString("error"),
                        rs.getLong("duration_ms")))
                .list();
        return jdbc.sql("SELECT * FROM email_outbox WHERE id = :id").param("id", id)
                .query((rs, n) -> new EmailDetails(rs.getLong("id"), rs.getString("recipient"),
                        Locale.forLanguageTag(rs.getString("recipient_locale")), rs.getString("subject"),
                        rs.getString("kind"), rs.getString("dedupe_key"), EmailStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), time(rs, "created_at"),
                        rs.getString("status").equals(EmailStatus.PENDING.name()) ? time(rs, "next_attempt_at") : null,
                        time(rs, "last_attempt_at"), time(rs, "sent_at"), rs.getString("last_error"),
                        rs.getString("html_body"), rs.getString("text_body"), attachments, attempts))
                .optional();
    }

    /**
     * Sends a FAILED message again: a fresh round of attempts (with its own day) starts now, or when SMTP is
     * configured. The attempt log keeps the earlier attempts.
     *
     * @return false when the message is not FAILED (any more), e.g. another admin retried it first
     */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public boolean retry(long id) {
        return store.retry(id, smtp.configured() ? EmailStatus.PENDING : EmailStatus.WAITING, clock.instant());
    }

    private static java.time.Instant time(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }
}
