package com.commercehub.mail;

/**
 * Whether messages can go out, for the admin page. Never carries the password.
 *
 * @param configured true when a host and a valid sender address are set
 * @param host       the SMTP host, or null
 * @param port       its port
 * @param security   {@code STARTTLS}, {@code SSL} or {@code NONE}
 * @param user       the login, or null for none
 * @param from       the sender address, or null
 * @param problem    what is wrong when a host is set but messages still cannot go out, or null
 */
public record SmtpStatus(boolean configured, String host, int port, String security, String user, String from,
                         Problem problem) {

    /** Configuration mistakes the admin page explains. */
    public enum Problem {
        FROM_MISSING, FROM_INVALID
    }
}
