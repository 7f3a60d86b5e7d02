package com.commercehub.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The outbox's sender. The SMTP server comes from {@code SMTP_*} environment variables (see README); with no
 * host, messages wait in the outbox.
 *
 * @param smtp             the server messages go out through
 * @param firstRetry       the wait after the first failed attempt; it doubles after each further failure
 * @param maxRetryInterval the longest wait between two attempts
 * @param giveUpAfter      how long after its first attempt a message is retried before it is marked FAILED
 * @param lease            how long a sender holds a claimed message; another node takes it over after this
 *                         (a sender that died mid-send), so it must be well above the SMTP timeouts
 * @param batchSize        messages claimed per run
 */
@ConfigurationProperties(prefix = "hub.mail")
record EmailProperties(@DefaultValue Smtp smtp,
                       @DefaultValue("30s") Duration firstRetry,
                       @DefaultValue("1h") Duration maxRetryInterval,
                       @DefaultValue("24h") Duration giveUpAfter,
                       @DefaultValue("10m") Duration lease,
                       @DefaultValue("10") int batchSize) {

    /**
     * @param host     SMTP server; blank means "not configured"
     * @param user     login, blank for none
     * @param password never logged nor shown
     * @param from     the sender address, e.g. {@code Acme Sales <sales@acme.example>}
     * @param starttls upgrade the connection with STARTTLS, and refuse to send without it
     * @param ssl      implicit TLS from the first byte (usually port 465) instead of STARTTLS
     */
    record Smtp(String host, @DefaultValue("587") int port, String user, String password, String from,
                @DefaultValue("true") boolean starttls, @DefaultValue("false") boolean ssl,
                @DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration timeout) {

        boolean hasHost() {
            return host != null && !host.isBlank();
        }

        boolean hasLogin() {
            return user != null && !user.isBlank();
        }

        @Override
        public String toString() {
            // The password stays out of every log line and error report.
            return "Smtp[host=" + host + ", port=" + port + ", user=" + user + ", from=" + from
                    + ", starttls=" + starttls + ", ssl=" + ssl + "]";
        }
    }
}
