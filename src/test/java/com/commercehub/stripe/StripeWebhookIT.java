package com.commercehub.stripe;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's webhook endpoint: Stripe's signature on the raw body, each event stored once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StripeWebhookIT {

    @LocalServerPort
    int port;
    @Autowired
    StripeConnections connections;
    @Autowired
    StripeClientFactory factory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionMaintenance maintenance;

    @org.junit.jupiter.api.BeforeEach
    void connectedToThisServersSandbox() {
        // Contexts on other ports share the database; make sure the sandbox points at this one.
        maintenance.checkConnectionOnStart();
        if (connections.mode() == ProcessorMode.NOT_CONNECTED) {
            // A test elsewhere left payments disconnected: choose the sandbox, as an admin would.
            connections.connectSandbox();
        }
    }

    private String event(String id) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":1760000000,"
                + "\"livemode\":false,\"pending_webhooks\":1,\"type\":\"charge.succeeded\","
                + "\"data\":{\"object\":{\"id\":\"ch_x\",\"object\":\"charge\"}}}";
    }

    private int post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id = :id").param("id", id).query(Long.class).single();
    }

    private String secret() {
        return connections.webhookSecret().orElseThrow();
    }

    @Test
    void a_sandbox_install_connects_itself_and_receives_signed_events() throws Exception {
        assertThat(connections.info().sandbox()).isTrue();
        assertThat(connections.info().webhookCreatedAutomatically()).isTrue();
        StripeClient client = factory.client();
        PaymentIntent intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1_500L)
                .setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true).build());
        Instant deadline = Instant.now().plusSeconds(15);
        long received = 0;
        while (Instant.now().isBefore(deadline) && received == 0) {
            received = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE type = 'payment_intent.succeeded' AND payload LIKE :id")
                    .param("id", "%" + intent.getId() + "%").query(Long.class).single();
            Thread.sleep(200);
        }
        assertThat(received).isEqualTo(1);
    }

    @Autowired
    com.commercehub.sandbox.SandboxAccountService sandboxAccount;

    private StripeStatus statusWithin(StripeStatus expected, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        StripeStatus status = connections.info().status();
        while (status != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = connections.info().status();
        }
        return status;
    }

    @Test
    void the_scheduled_refresh_reads_the_chargeable_currencies_again() {
        jdbc.sql("UPDATE stripe_connection SET supported_currencies = 'usd' WHERE disconnected_at IS NULL").update();
        assertThat(connections.info().supportedCurrencies()).containsExactly("USD");

        maintenance.refreshAccount();

        assertThat(connections.info().supportedCurrencies()).hasSizeGreaterThan(10).contains("USD", "EUR", "JPY");
    }

    @Test
    void account_updated_refreshes_the_status_label() throws Exception {
        assertThat(connections.info().status()).isEqualTo(StripeStatus.READY);
        try {
            com.commercehub.testsupport.AsAdmin.call(() -> {
                sandboxAccount.simulate(com.commercehub.sandbox.SandboxAccountService.AccountState.ACTION_REQUIRED);
                return null;
            });
            assertThat(statusWithin(StripeStatus.ACTION_REQUIRED, 15)).isEqualTo(StripeStatus.ACTION_REQUIRED);
            assertThat(connections.info().requirements()).containsExactly("external_account", "tos_acceptance.date");
            com.commercehub.testsupport.AsAdmin.call(() -> {
                sandboxAccount.simulate(com.commercehub.sandbox.SandboxAccountService.AccountState.PENDING_VERIFICATION);
                return null;
            });
            assertThat(statusWithin(StripeStatus.PENDING_VERIFICATION, 15)).isEqualTo(StripeStatus.PENDING_VERIFICATION);
        } finally {
            com.commercehub.testsupport.AsAdmin.call(() -> {
                sandboxAccount.simulate(com.commercehub.sandbox.SandboxAccountService.AccountState.READY);
                return null;
            });
        }
        assertThat(statusWithin(StripeStatus.READY, 15)).isEqualTo(StripeStatus.READY);
    }

    @Test
    void valid_signature_is_stored_once_even_when_delivered_twice() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String body = event(id);
        String header = Webhook.Signature.generateSignatureHeader(body, secret());
        assertThat(post(body, header)).isEqualTo(200);
        assertThat(post(body, header)).isEqualTo(200);
        assertThat(stored(id)).isEqualTo(1);
        // Which account the event came from is kept with it, so a later reconnect does not re-home it.
        assertThat(jdbc.sql("SELECT account_id FROM stripe_event WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(connections.active().orElseThrow().accountId());
    }

    @Test
    void wrong_secret_stale_timestamp_tampered_body_and_missing_header_are_400_and_store_nothing() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String body = event(id);
        assertThat(post(body, Webhook.Signature.generateSignatureHeader(body, "whsec_someone_else_123456"))).isEqualTo(400);
        long stale = Instant.now().minus(Duration.ofSeconds(StripeWebhookController.TOLERANCE_SECONDS + 60)).getEpochSecond();
        assertThat(post(body, Webhook.Signature.generateSignatureHeader(body, secret(), stale))).isEqualTo(400);
        String header = Webhook.Signature.generateSignatureHeader(body, secret());
        assertThat(post(body.replace("charge.succeeded", "charge.refunded"), header)).isEqualTo(400);
        assertThat(post(body, null)).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    /** A genuine, correctly signed event made {@code size} bytes long by a padding field Stripe would never send. */
    private String paddedEvent(String id, int size) {
        String event = event(id);
        String padding = "x".repeat(size - event.length() - 16);
        return event.substring(0, event.length() - 1) + ",\"padding\":\"" + padding + "\"}";
    }

    private HttpResponse<String> postBody(HttpRequest.BodyPublisher body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").POST(body);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_over_one_megabyte_is_413_from_its_content_length_and_stores_nothing() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String body = paddedEvent(id, 2_000_000);
        HttpResponse<String> response = postBody(HttpRequest.BodyPublishers.ofString(body),
                Webhook.Signature.generateSignatureHeader(body, secret()));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(stored(id)).isZero();
    }

    @Test
    void a_chunked_body_over_one_megabyte_is_413_and_stores_nothing() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = paddedEvent(id, StripeWebhookController.MAX_BODY_BYTES + 200_000).getBytes(StandardCharsets.UTF_8);
        String signature = Webhook.Signature.generateSignatureHeader(new String(body, StandardCharsets.UTF_8), secret());
        // No length known up front: the client sends it chunked, and the server must stop counting at the limit.
        HttpResponse<String> response = postBody(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)), signature);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(stored(id)).isZero();
    }

    @Test
    void a_request_without_a_signature_header_is_400_and_stores_nothing() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = postBody(HttpRequest.BodyPublishers.ofString(event(id)), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("missing signature");
        assertThat(stored(id)).isZero();
    }

    @Test
    void a_signed_event_just_under_the_limit_is_still_taken() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = paddedEvent(id, StripeWebhookController.MAX_BODY_BYTES - 100).getBytes(StandardCharsets.UTF_8);
        String signature = Webhook.Signature.generateSignatureHeader(new String(body, StandardCharsets.UTF_8), secret());
        assertThat(postBody(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), signature)
                .statusCode()).isEqualTo(200);
        assertThat(stored(id)).isEqualTo(1);
    }
}
