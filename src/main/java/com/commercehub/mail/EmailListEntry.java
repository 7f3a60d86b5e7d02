package com.commercehub.mail;

import java.time.Instant;

/** A row of the outbox list on the admin page. */
public record EmailListEntry(long id, String recipient, String subject, String kind, EmailStatus status, int attempts,
                             Instant createdAt, Instant lastAttemptAt) {
}
