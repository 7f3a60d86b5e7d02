package com.commercehub.stripe;

import com.commercehub.base.secrets.SecretDecryptionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stripe's events arrive here: the signature is verified on the raw bytes against the stored signing
 * secret (stripe-java's {@code Webhook.Signature}, 300 s tolerance), the event is stored once by its id, and
 * the answer is 2xx as soon as the row is committed. A
 * worker processes it afterwards ({@link StripeEventWorker}); duplicates and types nobody handles answer
 * 2xx too. 400 means the request is not a genuine event; 503 means "not now, send it again": the database is
 * unavailable, or the stored signing secret cannot be read with this installation's key.
 * <p>
 * Nothing is read before the cheap checks: a request without {@code Stripe-Signature} is refused unread, and a
 * body over {@link #MAX_BODY_BYTES} (Stripe's events are a few kB) answers 413 from its Content-Length, or, when
 * it is chunked, after at most one byte more than the limit.
 */
@RestController
class StripeWebhookController {

    static final long TOLERANCE_SECONDS = 300;
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeConnections connections;
    private final StripeEventIntake intake;
    private final Clock clock;
    /** An unreadable secret is logged once, not on every delivery Stripe retries, until it is readable again. */
    private final AtomicBoolean unreadableReported = new AtomicBoolean();

    StripeWebhookController(StripeConnections connections, StripeEventIntake intake, Clock clock) {
        this.connections = connections;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping("/stripe/webhook")
    ResponseEntity<String> receive(HttpServletRequest request,
                                   @RequestHeader(value = "Stripe-Signature", required = false) String signature)
            throws IOException {
        if (signature == null || signature.isBlank()) {
            return ResponseEntity.badRequest().body("missing signature");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        Optional<StripeConnections.WebhookSigning> signing;
        try {
            signing = connections.webhookSigning();
        } catch (SecretDecryptionException unreadable) {
            if (unreadableReported.compareAndSet(false, true)) {
                log.error("Stripe webhook answered 503: the stored signing secret cannot be decrypted with this "
                        + "installation's key (HUB_SECRET_KEY or the key file was lost or replaced). Reconnect Stripe in "
                        + "Settings > Payments; Stripe keeps retrying the events meanwhile.");
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("stored signing secret unreadable");
        } catch (DataAccessException down) {
            return unavailable(down);
        }
        if (unreadableReported.get()) {
            unreadableReported.set(false);
        }
        if (signing.isEmpty()) {
            return ResponseEntity.badRequest().body("no signing secret configured");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            Webhook.Signature.verifyHeader(payload, signature, signing.get().secret(), TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // A header stripe-java cannot even read (say "t=abc") is as invalid as a wrong signature.
            log.info("Rejected a webhook with an invalid signature");
            return ResponseEntity.badRequest().body("invalid signature");
        }
        Optional<EventFields> event = EventFields.parse(payload);
        if (event.isEmpty()) {
            return ResponseEntity.badRequest().body("malformed event");
        }
        EventFields fields = event.get();
        // Which account the event came from stays with it, so a later reconnect does not re-home it.
        String account = fields.account() != null ? fields.account() : signing.get().accountId();
        try {
            intake.accept(new StoredEvent(fields.id(), account, fields.type(), fields.apiVersion(), fields.created(),
                    payload, 0), StripeEventStore.Source.WEBHOOK);
        } catch (DataAccessException down) {
            return unavailable(down);
        }
        return ResponseEntity.ok("{\"received\":true}");
    }

    private static ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body("body too large");
    }

    private static ResponseEntity<String> unavailable(DataAccessException down) {
        log.warn("Stripe webhook answered 503, the database is unavailable: {}", down.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("temporarily unavailable");
    }
}
