package com.commercehub.stripe;

import com.stripe.net.Webhook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One context for the event-processing ITs: a real server on a random port (the sandbox connects its
 * webhook here), fast retries and sweeps, three tries before FAILED, and a scripted handler for the
 * {@code test.*} event types that counts its calls and writes a row per call (to see what commits).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.stripe.events.sweep-interval=PT0.2S", "hub.stripe.events.first-retry=PT0.1S",
        "hub.stripe.events.max-retry-delay=PT0.2S", "hub.stripe.events.max-attempts=3"})
@ActiveProfiles("test")
@Import(ScriptedHandler.class)
abstract class EventProcessingTestSupport {

    static final int MAX_ATTEMPTS = 3;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StripeConnections connections;
    @Autowired
    ConnectionMaintenance maintenance;
    @Autowired
    ScriptedHandler handler;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @org.junit.jupiter.api.BeforeEach
    void connectedToThisServersSandbox() {
        // Contexts on other ports share the database; make sure the sandbox points at this one.
        maintenance.checkConnectionOnStart();
        if (connections.mode() == ProcessorMode.NOT_CONNECTED) {
            // A test elsewhere left payments disconnected: choose the sandbox, as an admin would.
            connections.connectSandbox();
        }
    }

    static String newId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type + "\","
                + "\"data\":{\"object\":{\"id\":\"ch_" + id.substring(9, 21) + "\",\"object\":\"charge\"}}}";
    }

    String sign(String body) {
        try {
            return Webhook.Signature.generateSignatureHeader(body, connections.webhookSecret().orElseThrow());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int post(String body, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id = :id").param("id", id).query(Long.class).single();
    }

    String state(String id) {
        return jdbc.sql("SELECT state FROM stripe_event WHERE id = :id").param("id", id).query(String.class).optional()
                .orElse(null);
    }

    int attempts(String id) {
        return jdbc.sql("SELECT attempts FROM stripe_event WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    long effects(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM test_handler_effect WHERE event_id = :id").param("id", id)
                .query(Long.class).single();
    }

    String awaitState(String id, String expected, int seconds) {
        await(() -> expected.equals(state(id)), seconds);
        assertThat(state(id)).as("state of %s", id).isEqualTo(expected);
        return expected;
    }

    static void await(BooleanSupplier condition, int seconds) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
