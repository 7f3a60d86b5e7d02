package com.commercehub.automation;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings → Webhooks (ADMIN): endpoints with their signing secret, the delivery log and resend. */
@Service
@Secured(Role.Authority.ADMIN)
public class WebhookEndpointService {

    public record Endpoint(long id, String name, String url, boolean active, String secretLastFour) {
    }

    /** A new endpoint and its secret, shown to the admin to paste into the receiving tool. */
    public record Created(Endpoint endpoint, String secret) {
    }

    public record Delivery(long id, String eventId, String eventType, String status, int attempts,
                           Integer lastStatusCode, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    public record Attempt(Instant at, Integer statusCode, long durationMs, String bodyExcerpt, String error) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final WebhookAddressGuard guard;
    private final SettingsStore settings;
    private final Clock clock;

    WebhookEndpointService(JdbcClient jdbc, SecretCipher cipher, WebhookAddressGuard guard, SettingsStore settings,
                           Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Adds an endpoint after checking its address (http/https, resolvable, public unless private addresses are
     * allowed in the automation settings).
     *
     * @throws WorkflowValidationException with {@code name} or {@code url} and the reason
     */
    @Transactional
    public Created create(String name, String url) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new WorkflowValidationException(Map.of("name", "webhooks.out.name.required"));
        }
        String cleanUrl = url == null ? "" : url.strip();
        if (cleanUrl.length() > 2000) {
            throw new WorkflowValidationException(Map.of("url", "webhooks.out.url.invalid"));
        }
        try {
            guard.check(cleanUrl, settings.read().allowPrivateWebhooks());
        } catch (WebhookAddressGuard.Refused refused) {
            throw new WorkflowValidationException(Map.of("url", refused.messageKey()));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_endpoint (name, url, secret, active, created_at)
                        VALUES (:name, :url, :secret, TRUE, :now)""")
                .param("name", cleanName).param("url", cleanUrl)
                .param("secret", cipher.encrypt(OutboundWebhookSender.SECRET_PURPOSE, secret))
                .param("now", Timestamp.from(clock.instant())).update(keys);
        long id = keys.getKey().longValue();
        return new Created(new Endpoint(id, cleanName, cleanUrl, true, SecretCipher.lastFour(secret)), secret);
    }

    @Transactional(readOnly = true)
    public List<Endpoint> endpoints() {
        return jdbc.sql("SELECT id, name, url, active, secret FROM webhook_endpoint ORDER BY name, id")
                .query((rs, n) -> new Endpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        SecretCipher.lastFour(cipher.decrypt(OutboundWebhookSender.SECRET_PURPOSE, rs.getString(5))))).list();
    }

    /** The whole secret, for the admin who copies it into the receiver again. */
    @Transactional(readOnly = true)
    public Optional<String> secret(long endpointId) {
        return jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = :id").param("id", endpointId)
                .query(String.class).optional().map(s -> cipher.decrypt(OutboundWebhookSender.SECRET_PURPOSE, s));
    }

    @Transactional
    public void setActive(long endpointId, boolean active) {
        jdbc.sql("UPDATE webhook_endpoint SET active = :active, version = version + 1 WHERE id = :id")
                .param("active", active).param("id", endpointId).update();
    }

    /** Removes the endpoint with its delivery log. */
    @Transactional
    public void delete(long endpointId) {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", endpointId).update();
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long endpointId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, event_id, event_type, status, attempts, last_status_code, created_at, next_attempt_at,
                            delivered_at
                        FROM webhook_delivery WHERE endpoint = :endpoint ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("endpoint", endpointId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, Integer.class), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public int countDeliveries(long endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint = :endpoint")
                .param("endpoint", endpointId).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("""
                        SELECT attempted_at, status_code, duration_ms, body_excerpt, error FROM webhook_attempt
                        WHERE delivery = :delivery ORDER BY id""")
                .param("delivery", deliveryId)
                .query((rs, n) -> new Attempt(rs.getTimestamp(1).toInstant(), rs.getObject(2, Integer.class),
                        rs.getLong(3), rs.getString(4), rs.getString(5))).list();
    }

    /** Sends the delivery again now, as a fresh round of retries (the same event id, so receivers can dedupe). */
    @Transactional
    public void resend(long deliveryId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', round_started_at = :now, next_attempt_at = :now,
                            claim_token = NULL WHERE id = :id""")
                .param("now", now).param("id", deliveryId).update();
    }
}
