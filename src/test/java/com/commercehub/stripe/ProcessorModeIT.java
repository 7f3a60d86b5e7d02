package com.commercehub.stripe;

import com.commercehub.Application;
import com.stripe.exception.InvalidRequestException;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which processor takes payments is explicit: the built-in sandbox stands in for Stripe
 * (STRIPE_API_BASE=sandbox sends every key to it). It takes test keys only, as Stripe's test mode does, so a live
 * connection is a test key's row marked live, as a live key would have marked it.
 * Contexts share the database, so each test leaves the sandbox connected again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.stripe.api-base=sandbox")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ProcessorModeIT {

    private static final String STRIPE_KEY = "rk_test_processorModeStripeKey42Ab";

    @Autowired
    StripeConnections connections;
    @Autowired
    ConnectionMaintenance maintenance;
    @Autowired
    PaymentAccounts accounts;
    @Autowired
    StripeClientFactory factory;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void sandboxConnectedHere() {
        connections.disconnect();
        connections.connectSandbox();
    }

    private static int post(int port, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"type\":\"test.mode_check\",\"data\":{\"object\":{\"id\":\"ch_mode\",\"object\":\"charge\"}}}";
    }

    private static String newId() {
        return "evt_mode_" + UUID.randomUUID().toString().replace("-", "");
    }

    private long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id = :id").param("id", id).query(Long.class).single();
    }

    /** The connected Stripe account, as a live key would have stored it. */
    private void connectLive() {
        connections.connect("US", true, STRIPE_KEY, "admin@example.com");
        jdbc.sql("UPDATE stripe_connection SET livemode = TRUE WHERE disconnected_at IS NULL").update();
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_connection").query(Long.class).single();
    }

    private boolean endpointExists(String id) {
        try {
            factory.client().v1().webhookEndpoints().retrieve(id);
            return true;
        } catch (InvalidRequestException gone) {
            return false;
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_mode_follows_the_connection_sandbox_test_live() {
        assertThat(connections.mode()).isEqualTo(ProcessorMode.SANDBOX);
        assertThat(connections.info().mode()).isEqualTo(ProcessorMode.SANDBOX);
        connections.connect("US", true, "sk_test_processorModeTestKey0001", "admin@example.com");
        assertThat(connections.info().mode()).isEqualTo(ProcessorMode.STRIPE_TEST);
        connectLive();
        assertThat(connections.info().mode()).isEqualTo(ProcessorMode.STRIPE_LIVE);
        // A Stripe account is never swapped for the sandbox in one step: disconnecting comes first.
        assertThatThrownBy(connections::connectSandbox).isInstanceOfSatisfying(StripeConnectionException.class,
                e -> assertThat(e.reason()).isEqualTo(StripeConnectionException.Reason.STRIPE_CONNECTED));
        assertThat(connections.info().mode()).isEqualTo(ProcessorMode.STRIPE_LIVE);
    }

    @Test
    void disconnecting_a_live_account_leaves_payments_not_connected_even_after_a_restart() throws Exception {
        connectLive();
        assertThat(connections.mode()).isEqualTo(ProcessorMode.STRIPE_LIVE);
        assertThat(accounts.ready()).hasValueSatisfying(account -> assertThat(account.sandbox()).isFalse());
        String liveSecret = connections.webhookSecret().orElseThrow();

        connections.disconnect();
        long rowsAfterDisconnect = rows();

        assertThat(connections.mode()).isEqualTo(ProcessorMode.NOT_CONNECTED);
        assertThat(connections.info().connected()).isFalse();
        assertThat(accounts.ready()).as("buyer checkout is unavailable").isEmpty();
        assertThat(accounts.connected()).isEmpty();
        // What start-up does on every node: a disconnected installation stays so, it does not take the sandbox.
        maintenance.checkConnectionOnStart();
        assertThat(connections.mode()).isEqualTo(ProcessorMode.NOT_CONNECTED);
        assertThat(rows()).isEqualTo(rowsAfterDisconnect);
        // Events signed with the ended connection's secret are no longer taken.
        String id = newId();
        String body = event(id);
        assertThat(post(localPort(), body, Webhook.Signature.generateSignatureHeader(body, liveSecret))).isEqualTo(400);
        assertThat(stored(id)).isZero();

        // The sandbox comes back only as an explicit choice.
        StripeConnectionInfo sandbox = connections.connectSandbox();
        assertThat(sandbox.mode()).isEqualTo(ProcessorMode.SANDBOX);
        assertThat(accounts.ready()).hasValueSatisfying(account -> assertThat(account.sandbox()).isTrue());
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private int localPort() {
        return port;
    }

    @Test
    void after_switching_to_a_stripe_key_an_event_signed_with_the_sandbox_secret_is_400_and_not_stored() throws Exception {
        String sandboxSecret = connections.webhookSecret().orElseThrow();
        connectLive();
        String id = newId();
        String body = event(id);
        assertThat(post(localPort(), body, Webhook.Signature.generateSignatureHeader(body, sandboxSecret))).isEqualTo(400);
        assertThat(stored(id)).isZero();
        String liveSecret = connections.webhookSecret().orElseThrow();
        assertThat(post(localPort(), body, Webhook.Signature.generateSignatureHeader(body, liveSecret))).isEqualTo(200);
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void stripe_api_key_set_after_running_in_sandbox_mode_is_connected_at_start_and_the_sandbox_secret_refused(
            CapturedOutput output) throws Exception {
        ConnectionRow sandboxRow = connections.active().orElseThrow();
        assertThat(sandboxRow.sandbox()).isTrue();
        String sandboxSecret = connections.webhookSecret().orElseThrow();
        int logged = output.getAll().length();

        // The same installation started again, now with STRIPE_API_KEY in its environment.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--hub.stripe.api-key=" + STRIPE_KEY, "--hub.stripe.api-base=sandbox")) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            StripeConnections there = restarted.getBean(StripeConnections.class);

            assertThat(there.mode()).isEqualTo(ProcessorMode.STRIPE_TEST);
            assertThat(there.info().apiKeyLast4()).isEqualTo("••••42Ab");
            assertThat(jdbc.sql("SELECT disconnected_at IS NOT NULL FROM stripe_connection WHERE id = :id")
                    .param("id", sandboxRow.id()).query(Boolean.class).single()).isTrue();
            String startLog = output.getAll().substring(logged);
            assertThat(startLog.lines().filter(line -> line.contains("STRIPE_API_KEY connected: payments now go to "
                    + "Stripe test mode account") && line.contains("the previous connection (the built-in sandbox account "
                    + sandboxRow.accountId() + ") is disconnected and its webhook signing secret no longer accepted")))
                    .hasSize(1);
            assertThat(startLog).doesNotContain(STRIPE_KEY);

            String id = newId();
            String body = event(id);
            assertThat(post(port, body, Webhook.Signature.generateSignatureHeader(body, sandboxSecret))).isEqualTo(400);
            assertThat(stored(id)).isZero();
            assertThat(post(port, body, Webhook.Signature.generateSignatureHeader(body,
                    there.webhookSecret().orElseThrow()))).isEqualTo(200);
            assertThat(stored(id)).isEqualTo(1);

            // Started once more with the same key: nothing to do, nothing logged, no new connection.
            long before = rows();
            int again = output.getAll().length();
            restarted.getBean(ConnectionMaintenance.class).checkConnectionOnStart();
            assertThat(rows()).isEqualTo(before);
            assertThat(output.getAll().substring(again)).doesNotContain("STRIPE_API_KEY");
            // While STRIPE_API_KEY is set, neither another pasted key nor the sandbox is taken.
            assertThatThrownBy(() -> there.connect("US", true, "sk_test_anotherPastedKey000", "admin@example.com"))
                    .isInstanceOfSatisfying(StripeConnectionException.class,
                            e -> assertThat(e.reason()).isEqualTo(StripeConnectionException.Reason.ENVIRONMENT_KEY));
            assertThatThrownBy(there::connectSandbox).isInstanceOfSatisfying(StripeConnectionException.class,
                    e -> assertThat(e.reason()).isEqualTo(StripeConnectionException.Reason.ENVIRONMENT_KEY));
        }
    }

    @Test
    void two_connects_at_once_get_their_own_endpoints_and_the_stored_one_survives() throws Exception {
        for (int round = 0; round < 3; round++) {
            long newest = jdbc.sql("SELECT MAX(id) FROM stripe_connection").query(Long.class).single();
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<StripeConnectionInfo>> connects = List.of(1, 2).stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return connections.connect("US", true, "sk_test_twoNodesStartingTogether7", "node-" + node);
                    })).toList();
            connects.forEach(CompletableFuture::join);

            List<Map<String, Object>> made = jdbc.sql("SELECT id, webhook_endpoint_id, disconnected_at FROM "
                    + "stripe_connection WHERE id > :newest ORDER BY id").param("newest", newest).query().listOfRows();
            assertThat(made).hasSize(2);
            String first = (String) made.get(0).get("webhook_endpoint_id");
            String second = (String) made.get(1).get("webhook_endpoint_id");
            assertThat(first).as("each attempt has its own idempotency key, so its own endpoint").isNotEqualTo(second);
            ConnectionRow active = connections.active().orElseThrow();
            assertThat(active.id()).isEqualTo(((Number) made.get(1).get("id")).longValue());
            assertThat(made.get(0).get("disconnected_at")).isNotNull();
            assertThat(endpointExists(active.webhookEndpointId())).as("the stored connection's endpoint").isTrue();
            assertThat(endpointExists(first)).as("the replaced attempt's endpoint is deleted").isFalse();
        }
    }
}
