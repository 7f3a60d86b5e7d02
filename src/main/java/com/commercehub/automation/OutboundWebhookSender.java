package com.commercehub.automation;

import com.commercehub.base.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Posts queued webhook deliveries. A delivery is claimed in a short transaction (FOR UPDATE SKIP LOCKED, then a
 * lease and a claim token), sent with no transaction open, and its outcome recorded under the same token: nodes
 * never post one delivery at the same time, and one a dead node held is retried after the lease. Failures retry
 * from {@code first-retry}, doubling up to {@code max-retry}, until {@code give-up-after} (24 h) has passed.
 */
@Component
class OutboundWebhookSender {

    static final String SECRET_PURPOSE = "automation.webhook-endpoint";
    private static final Logger log = LoggerFactory.getLogger(OutboundWebhookSender.class);
    private static final int EXCERPT = 500;
    /** Read no more of a receiver's answer than this: only an excerpt is kept. */
    private static final int MAX_READ = 64 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate claims;
    private final SecretCipher cipher;
    private final WebhookAddressGuard guard;
    private final SettingsStore settings;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration giveUpAfter;
    private final Duration lease;
    private final CloseableHttpClient http;

    OutboundWebhookSender(JdbcClient jdbc, PlatformTransactionManager transactions, SecretCipher cipher,
                  WebhookAddressGuard guard, SettingsStore settings, Clock clock,
                  @Value("${hub.automation.webhooks.first-retry:PT10S}") Duration firstRetry,
                  @Value("${hub.automation.webhooks.max-retry:PT1H}") Duration maxRetry,
                  @Value("${hub.automation.webhooks.give-up-after:PT24H}") Duration giveUpAfter,
                  @Value("${hub.automation.webhooks.lease:PT60S}") Duration lease,
                  @Value("${hub.automation.webhooks.timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.claims = new TransactionTemplate(transactions);
        this.claims.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.cipher = cipher;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.giveUpAfter = giveUpAfter;
        this.lease = lease;
        this.http = client(guard, () -> settings.read().allowPrivateWebhooks(), timeout);
    }

    /**
     * The connection resolves the endpoint's host through the guard and connects only to the addresses it let
     * through; no connection is kept for the next delivery (it was checked under the setting of its time).
     * Redirects are not followed: a public address answering 302 to an internal one would be an SSRF detour.
     */
    static CloseableHttpClient client(WebhookAddressGuard guard, BooleanSupplier allowPrivate, Duration timeout) {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return guard.resolve(host, allowPrivate.getAsBoolean());
                } catch (WebhookAddressGuard.Refused refused) {
                    throw new RefusedHost(refused);
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                                .build()).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().useSystemProperties()
                .build();
    }

    /** The guard's refusal, carried through the HTTP client's resolver (which may throw only this type). */
    static final class RefusedHost extends UnknownHostException {
        private final WebhookAddressGuard.Refused refused;

        RefusedHost(WebhookAddressGuard.Refused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }

    @Scheduled(fixedDelayString = "${hub.automation.webhooks.poll-interval:PT5S}",
            initialDelayString = "${hub.automation.webhooks.initial-delay:PT20S}")
    public void poll() {
        runOnce();
    }

    /** Sends what is due now (at most 50); returns how many were attempted. */
    int runOnce() {
        int attempted = 0;
        while (attempted < 50) {
            Optional<Claim> claim = claimNext();
            if (claim.isEmpty()) {
                break;
            }
            deliver(claim.get());
            attempted++;
        }
        return attempted;
    }

    record Claim(long id, String token, String url, String secret, String eventId, String type, String payload,
                 int attempts, Instant roundStartedAt) {
    }

    private Optional<Claim> claimNext() {
        return claims.execute(tx -> {
            Instant now = clock.instant();
            Optional<Claim> next = jdbc.sql("""
                            SELECT d.id, e.url, e.secret, d.event_id, d.event_type, d.payload, d.attempts, d.round_started_at
                            FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                            ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Claim(rs.getLong(1), UUID.randomUUID().toString(), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                            rs.getTimestamp(8).toInstant())).optional();
            next.ifPresent(c -> jdbc.sql("""
                            UPDATE webhook_delivery SET claim_token = :token, next_attempt_at = :leaseEnd WHERE id = :id""")
                    .param("token", c.token()).param("leaseEnd", Timestamp.from(now.plus(lease))).param("id", c.id())
                    .update());
            return next;
        });
    }

    private void deliver(Claim claim) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        Integer code = null;
        String excerpt = null;
        String error = null;
        try {
            URI target = guard.parse(claim.url());
            String secret = cipher.decrypt(SECRET_PURPOSE, claim.secret());
            HttpPost request = new HttpPost(target);
            request.setHeader("User-Agent", "CommerceHub-Webhooks/1");
            request.setHeader("Hub-Event-Id", claim.eventId());
            request.setHeader("Hub-Event-Type", claim.type());
            request.setHeader(WebhookSignature.HEADER,
                    WebhookSignature.header(secret, clock.instant().getEpochSecond(), claim.payload()));
            request.setEntity(new StringEntity(claim.payload(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
            record Answer(int code, String body) {
            }
            Answer answer = http.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_READ)));
            code = answer.code();
            excerpt = clip(answer.body(), EXCERPT);
        } catch (RefusedHost refusedHost) {
            error = "refused: " + refusedHost.refused.getMessage();
        } catch (WebhookAddressGuard.Refused refused) {
            error = "refused: " + refused.getMessage();
        } catch (IOException e) {
            error = clip(e.getClass().getSimpleName() + ": " + e.getMessage(), 900);
        } catch (RuntimeException e) {
            error = clip(e.toString(), 900);
        }
        long durationMs = Duration.ofNanos(System.nanoTime() - nanos).toMillis();
        record(claim, started, code, excerpt, error, durationMs);
    }

    private void record(Claim claim, Instant at, Integer code, String excerpt, String error, long durationMs) {
        boolean delivered = code != null && code >= 200 && code < 300;
        int attempts = claim.attempts() + 1;
        Instant now = clock.instant();
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(maxRetry) > 0) {
            wait = maxRetry;
        }
        Instant deadline = claim.roundStartedAt().plus(giveUpAfter);
        Instant next = now.plus(wait);
        String status;
        if (delivered) {
            status = "DELIVERED";
        } else if (!now.isBefore(deadline)) {
            status = "FAILED";
        } else {
            status = "PENDING";
            // One last try at the deadline rather than giving up early.
            next = next.isAfter(deadline) ? deadline : next;
        }
        String finalStatus = status;
        Instant finalNext = next;
        claims.executeWithoutResult(tx -> {
            int owned = jdbc.sql("""
                            UPDATE webhook_delivery SET status = :status, attempts = :attempts, next_attempt_at = :next,
                                last_status_code = :code, claim_token = NULL,
                                delivered_at = CASE WHEN :delivered THEN :now ELSE delivered_at END
                            WHERE id = :id AND claim_token = :token""")
                    .param("status", finalStatus).param("attempts", attempts).param("next", Timestamp.from(finalNext))
                    .param("code", code).param("delivered", delivered).param("now", Timestamp.from(now))
                    .param("id", claim.id()).param("token", claim.token()).update();
            if (owned == 0) {
                return; // the lease ran out and someone else took it (or it was resent): their outcome counts
            }
            jdbc.sql("""
                            INSERT INTO webhook_attempt (delivery, attempted_at, status_code, duration_ms, body_excerpt, error)
                            VALUES (:delivery, :at, :code, :duration, :excerpt, :error)""")
                    .param("delivery", claim.id()).param("at", Timestamp.from(at)).param("code", code)
                    .param("duration", durationMs).param("excerpt", excerpt).param("error", error).update();
        });
        if (!delivered) {
            log.info("Webhook delivery {} ({}) attempt {} failed: {}", claim.id(), claim.type(), attempts,
                    error != null ? error : "HTTP " + code);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
