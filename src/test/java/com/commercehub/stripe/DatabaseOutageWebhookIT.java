package com.commercehub.stripe;

import com.commercehub.Application;
import com.commercehub.base.db.SharedTestServer;
import com.commercehub.testsupport.CuttableProxy;
import com.commercehub.testsupport.FaultTable;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app loses its database for 30 s ({@code -Doutage.seconds} to change it) while Stripe keeps delivering: every
 * delivery meanwhile is answered 503 within the connection timeout, so Stripe sends it again; after the database is
 * back, the redelivered events — new ones, duplicates, and those that were stored but not yet handled when it went —
 * are each stored once and handled once. Only this app's connections go through the cut relay.
 */
class DatabaseOutageWebhookIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 30));
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Most a 503 may take: the connection timeout plus room for a busy machine. */
    private static final Duration ANSWER_BOUND = CONNECTION_TIMEOUT.plusSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(String id, int status, long millis) {
    }

    @Test
    void deliveries_while_the_database_is_away_are_refused_and_afterwards_every_event_is_handled_once() throws Exception {
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_db_outage");
        Matcher server = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/(.*)").matcher(database.jdbcUrl());
        assertThat(server.matches()).as(database.jdbcUrl()).isTrue();
        // Read behind the app's back, straight from the server, so the counts are there while the app's relay is cut.
        JdbcClient direct = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        try (AutoCloseable lease = database.lease();
             CuttableProxy relay = CuttableProxy.to(server.group(1), Integer.parseInt(server.group(2)));
             ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class, ScriptedHandler.class)
                     .profiles("test").run("--server.port=0",
                             "--hub.db.url=jdbc:mariadb://127.0.0.1:" + relay.port() + "/" + server.group(3),
                             "--hub.db.username=" + database.username(), "--hub.db.password=" + database.password(),
                             "--hub.db.connection-timeout=" + CONNECTION_TIMEOUT,
                             "--hub.secrets.key-file=target/test-data/db-outage/secret.key",
                             "--hub.stripe.events.sweep-interval=PT0.2S", "--hub.stripe.events.first-retry=PT0.1S",
                             "--hub.stripe.events.max-retry-delay=PT0.5S", "--hub.stripe.events.max-attempts=20",
                             "--hub.sandbox.webhooks.poll-interval=PT1H")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            StripeConnections connections = app.getBean(StripeConnections.class);
            if (connections.webhookSecret().isEmpty()) {
                connections.connectSandbox();
            }
            String secret = connections.webhookSecret().orElseThrow();
            ScriptedHandler handler = app.getBean(ScriptedHandler.class);
            ExecutorService stripe = Executors.newFixedThreadPool(8);
            try {
                // Stored just before the database goes: some are still waiting for a worker when it does.
                List<String> before = ids(40);
                assertThat(deliver(stripe, port, secret, before, "test.slow")).extracting(Answer::status).containsOnly(200);
                relay.cut();
                Instant cut = Instant.now();

                // Stripe keeps sending: new events, and again the ones it saw answered 2xx (duplicates happen).
                List<String> during = new ArrayList<>();
                List<Answer> refused = new ArrayList<>();
                int round = 0;
                while (Duration.between(cut, Instant.now()).plus(ANSWER_BOUND).compareTo(OUTAGE) < 0) {
                    List<String> fresh = ids(15);
                    during.addAll(fresh);
                    List<String> batch = new ArrayList<>(fresh);
                    for (int k = 0; k < 3; k++) {
                        batch.add(before.get((round * 3 + k) % before.size()));
                    }
                    batch.addAll(during.subList(0, Math.min(5, during.size())));
                    refused.addAll(deliver(stripe, port, secret, batch, "test.outage"));
                    round++;
                }
                assertThat(refused).isNotEmpty().extracting(Answer::status).as("answers while the database was away")
                        .containsOnly(503);
                long slowest = refused.stream().mapToLong(Answer::millis).max().orElseThrow();
                assertThat(slowest).as("slowest 503 (ms)").isLessThanOrEqualTo(ANSWER_BOUND.toMillis());
                assertThat(direct.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids)").param("ids", during)
                        .query(Long.class).single()).as("stored while away").isZero();
                long pendingAtTheCut = direct.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids) AND state <> 'PROCESSED'")
                        .param("ids", before).query(Long.class).single();
                Thread.sleep(Math.max(0, OUTAGE.minus(Duration.between(cut, Instant.now())).toMillis()));
                relay.restore();
                Instant back = Instant.now();

                // Stripe's retries: each refused delivery again, until it is answered 2xx; then the ones before, again.
                List<String> all = new ArrayList<>(before);
                all.addAll(during);
                List<String> unanswered = new ArrayList<>(during);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!unanswered.isEmpty()) {
                    assertThat(System.nanoTime()).as("redeliveries accepted within 60 s").isLessThan(deadline);
                    List<Answer> answers = deliver(stripe, port, secret, unanswered, "test.outage");
                    answers.stream().filter(a -> a.status() == 200).forEach(a -> unanswered.remove(a.id()));
                    if (!unanswered.isEmpty()) {
                        Thread.sleep(500);
                    }
                }
                long acceptedAfter = Duration.between(back, Instant.now()).toMillis();
                assertThat(deliver(stripe, port, secret, before, "test.slow")).extracting(Answer::status).containsOnly(200);
                while (direct.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids) AND state = 'PROCESSED'")
                        .param("ids", all).query(Long.class).single() < all.size()) {
                    assertThat(System.nanoTime()).as("every event processed within 60 s").isLessThan(deadline);
                    Thread.sleep(200);
                }
                long processedAfter = Duration.between(back, Instant.now()).toMillis();
                Thread.sleep(1_000); // sweeps keep running: nothing may run twice

                assertThat(direct.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids)").param("ids", all)
                        .query(Long.class).single()).as("stored").isEqualTo(all.size());
                Map<String, Long> effects = new java.util.HashMap<>();
                direct.sql("SELECT event_id, COUNT(*) FROM test_handler_effect WHERE event_id IN (:ids) GROUP BY event_id")
                        .param("ids", all).query((java.sql.ResultSet rs) -> {
                            effects.put(rs.getString(1), rs.getLong(2));
                        });
                assertThat(effects.keySet()).as("handled").containsExactlyInAnyOrderElementsOf(all);
                assertThat(effects.values()).as("committed handler effects per event").containsOnly(1L);
                long extraCalls = all.stream().mapToLong(id -> handler.calls(id) - 1).sum();
                FaultTable.write("database-outage", "database away for " + OUTAGE.toSeconds() + " s during webhooks",
                        String.format(java.util.Locale.ROOT, "%d deliveries while away, all 503, slowest %d ms; "
                                + "%d of %d earlier events not yet handled at the cut; redeliveries accepted %d ms and "
                                + "all %d events processed %d ms after the database was back; %d handler runs rolled "
                                + "back by the cut and run again", refused.size(), slowest,
                        pendingAtTheCut, before.size(), acceptedAfter, all.size(), processedAfter, extraCalls),
                        "DatabaseOutageWebhookIT");
            } finally {
                stripe.shutdownNow();
            }
        }
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("evt_test_" + UUID.randomUUID().toString().replace("-", ""));
        }
        return ids;
    }

    /** Delivers each event once, at the same time, freshly signed as Stripe signs every attempt. */
    private List<Answer> deliver(ExecutorService stripe, int port, String secret, List<String> ids, String type)
            throws Exception {
        List<Future<Answer>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(stripe.submit(() -> {
                String body = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                        + "\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
                        + "\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"ch_" + id.substring(9, 21)
                        + "\",\"object\":\"charge\"}}}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body, secret))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long start = System.nanoTime();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return new Answer(id, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }));
        }
        List<Answer> result = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            result.add(answer.get(90, TimeUnit.SECONDS));
        }
        return result;
    }
}
