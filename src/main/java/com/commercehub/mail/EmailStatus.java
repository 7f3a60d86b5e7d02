package com.commercehub.mail;

/** Where a message in the outbox stands. */
public enum EmailStatus {
    /** No SMTP server is configured; sent once one is (after the app restarts with {@code SMTP_HOST}). */
    WAITING,
    /** Due or being retried. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up (after a day of retries, or the server refused the recipient); an admin may retry it. */
    FAILED;

    public String messageKey() {
        return "mail.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
