package com.commercehub.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Stripe's events arrive here: the signature is verified on the raw bytes against the stored signing
 * secret, the event is stored once by its id, and the answer is a fast 2xx. Duplicates change nothing.
 * Processing beyond keeping the account's readiness current belongs to the features that need it.
 */
@RestController
class StripeWebhookController {

    static final long TOLERANCE_SECONDS = 300;
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeConnections connections;
    private final JdbcClient jdbc;
    private final Clock clock;

    StripeWebhookController(StripeConnections connections, JdbcClient jdbc, Clock clock) {
        this.connections = connections;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/stripe/webhook")
    ResponseEntity<String> receive(@RequestBody(required = false) byte[] body,
                                   @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        Optional<String> secret = connections.webhookSecret();
        if (body == null || signature == null || secret.isEmpty()) {
            return ResponseEntity.badRequest().body("missing signature or no signing secret configured");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret.get(), TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            log.info("Rejected a webhook with an invalid signature");
            return ResponseEntity.badRequest().body("invalid signature");
        } catch (RuntimeException malformed) {
            return ResponseEntity.badRequest().body("malformed event");
        }
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO stripe_event (id, account_id, type, api_version, created, payload, received_at)
                        VALUES (:id, :account, :type, :version, :created, :payload, :at)""")
                .param("id", event.getId())
                .param("account", event.getAccount() != null ? event.getAccount()
                        : connections.active().map(ConnectionRow::accountId).orElse(null))
                .param("type", event.getType()).param("version", event.getApiVersion())
                .param("created", event.getCreated()).param("payload", payload)
                .param("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (inserted == 1 && "account.updated".equals(event.getType())) {
            Thread.ofVirtual().start(() -> {
                try {
                    connections.refresh();
                } catch (RuntimeException e) {
                    log.warn("Refreshing the account after account.updated failed: {}", e.getMessage());
                }
            });
        }
        return ResponseEntity.ok("{\"received\":true}");
    }
}
