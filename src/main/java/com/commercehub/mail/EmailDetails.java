package com.commercehub.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One message as the admin page shows it: what was (or will be) sent, its attachments' names and its
 * attempt log, newest first.
 */
public record EmailDetails(long id, String recipient, Locale locale, String subject, String kind, String dedupeKey,
                           EmailStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant lastAttemptAt, Instant sentAt, String lastError, String html, String text,
                           List<Attachment> attachments, List<Attempt> attemptLog) {

    public EmailDetails {
        attachments = List.copyOf(attachments);
        attemptLog = List.copyOf(attemptLog);
    }

    public record Attachment(String fileName, String contentType, int sizeBytes) {
    }

    /** One delivery attempt; {@code error} is null for the one that went through. */
    public record Attempt(Instant at, boolean sent, String error, long durationMs) {
    }
}
