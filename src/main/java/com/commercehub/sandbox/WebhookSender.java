package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers queued events to webhook endpoints as Stripe does: asynchronously, signed with
 * {@code Stripe-Signature: t=…,v1=HMAC-SHA256("t.body", secret)}, retried with exponential backoff
 * (5 s doubling up to 12 h, for about three days). With {@code hub.sandbox.webhooks.shuffle-and-duplicate}
 * every batch goes out in random order and twice, as real Stripe may.
 */
@Component
class WebhookSender {

    static final int MAX_ATTEMPTS = 16;
    /** Deliveries one poll sends at most before the next poll (other scheduled work shares the thread). */
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final JdbcClient jdbc;
    private final SandboxStore store;
    private final PaymentProcessorMode mode;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration lease;
    private final TransactionTemplate transactions;
    private volatile boolean shuffleAndDuplicate;

    WebhookSender(JdbcClient jdbc, SandboxStore store, PaymentProcessorMode mode, Clock clock,
                  PlatformTransactionManager transactionManager,
                  @Value("${hub.sandbox.webhooks.shuffle-and-duplicate:false}") boolean shuffleAndDuplicate,
                  @Value("${hub.sandbox.webhooks.lease:PT60S}") Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.mode = mode;
        this.clock = clock;
        this.shuffleAndDuplicate = shuffleAndDuplicate;
    }

    void shuffleAndDuplicate(boolean on) {
        this.shuffleAndDuplicate = on;
    }

    @Scheduled(fixedDelayString = "${hub.sandbox.webhooks.poll-interval:PT1S}")
    void deliverDue() {
        if (!mode.isSandbox()) {
            return;
        }
        for (int sent = 0; sent < BATCH; sent++) {
            Optional<Map<String, Object>> delivery = claimNext();
            if (delivery.isEmpty()) {
                return;
            }
            deliver(delivery.get());
            if (shuffleAndDuplicate) {
                send(delivery.get());
            }
        }
    }

    /**
     * The next due delivery, claimed right before it is sent with a lease longer than one send takes (two tries of
     * the 10 s timeout): every node polls, and a row claimed at the start of a slow batch could outlive its lease
     * unsent. Rows another node is claiming are skipped, not waited for, so each node takes different deliveries.
     * With shuffle-and-duplicate on, a random due one instead of the oldest, as Stripe gives no order.
     */
    private Optional<Map<String, Object>> claimNext() {
        return Optional.ofNullable(transactions.execute(status -> {
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            Optional<Map<String, Object>> due = jdbc.sql("SELECT id, event_id, endpoint_id, attempts, next_attempt_at "
                            + "FROM sandbox_delivery WHERE delivered_at IS NULL AND next_attempt_at <= :now "
                            + (shuffleAndDuplicate ? "ORDER BY RAND()" : "ORDER BY id") + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .param("now", now).query().listOfRows().stream().findFirst();
            due.ifPresent(row -> jdbc.sql("UPDATE sandbox_delivery SET next_attempt_at = :lease WHERE id = :id")
                    .param("lease", now.plus(lease)).param("id", row.get("id")).update());
            return due.orElse(null);
        }));
    }

    private void deliver(Map<String, Object> delivery) {
        Optional<Integer> status = send(delivery);
        int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (status.isPresent() && status.get() >= 200 && status.get() < 300) {
            jdbc.sql("UPDATE sandbox_delivery SET delivered_at = :now, attempts = :attempts, last_status = :status WHERE id = :id")
                    .param("now", now).param("attempts", attempts).param("status", status.get())
                    .param("id", delivery.get("id")).update();
            return;
        }
        LocalDateTime next = attempts >= MAX_ATTEMPTS ? null : now.plus(backoff(attempts));
        jdbc.sql("UPDATE sandbox_delivery SET next_attempt_at = :next, attempts = :attempts, last_status = :status WHERE id = :id")
                .param("next", next).param("attempts", attempts).param("status", status.orElse(null))
                .param("id", delivery.get("id")).update();
    }

    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(12).toSeconds()));
    }

    /** Posts the event once; empty when the endpoint is gone or unreachable. */
    private Optional<Integer> send(Map<String, Object> delivery) {
        Optional<Map<String, Object>> event = store.find((String) delivery.get("event_id"));
        Optional<Map<String, Object>> endpoint = store.find((String) delivery.get("endpoint_id"));
        if (event.isEmpty() || endpoint.isEmpty()) {
            return Optional.empty();
        }
        String body = SandboxJson.write(SandboxApiController.render(event.get()));
        long timestamp = clock.instant().getEpochSecond();
        String signature = "t=" + timestamp + ",v1=" + sign(timestamp + "." + body, Obj.str(endpoint.get(), "_secret"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Obj.str(endpoint.get(), "url")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception unreachable) {
            log.debug("Webhook delivery to {} failed: {}", endpoint.get().get("url"), unreachable.getMessage());
            return Optional.empty();
        }
    }

    static String sign(String signedPayload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
