package com.commercehub.stripe;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a measuring harness, run with
 * {@code ./mvnw -Pbench verify -Dit.test=WebhookIngestionBenchmark}. Starts the app on a random loopback port
 * (its own database), then POSTs signed events to {@code /stripe/webhook} over 16 concurrent connections
 * (virtual threads, one blocking request each at a time): verify the signature on the raw body, insert the
 * row durably, answer 2xx. Reports events/s, p50/p99/max latency as the client sees it, and how long until the
 * worker has processed them all (a handler writing one row per event, as fulfilment would). Counts the rows:
 * none may be lost. Writes target/bench/webhook-ingestion.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.db.database=hub_bench_webhook", "hub.stripe.events.sweep-interval=PT1S",
        "logging.level.com.commercehub.stripe.StripeWebhookController=warn"})
@ActiveProfiles("test")
@Import(WebhookIngestionBenchmark.BenchHandler.class)
class WebhookIngestionBenchmark {

    private static final int CONNECTIONS = 16;
    private static final int WARMUP_EVENTS = 3_000;
    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StripeConnections connections;
    @Autowired
    ConnectionMaintenance maintenance;

    private final List<String> report = new ArrayList<>();

    /** A handler as fulfilment would be: one row per event, in the event's transaction. */
    static class BenchHandler implements StripeEventHandler {

        BenchHandler(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("CREATE TABLE IF NOT EXISTS bench_fulfilment (event_id VARCHAR(255) PRIMARY KEY, object_id VARCHAR(255)) "
                    + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4").update();
        }

        private final JdbcClient jdbc;

        @Override
        public boolean handles(String type) {
            return "bench.handled".equals(type);
        }

        @Override
        public void handle(StripeEventEnvelope event) {
            jdbc.sql("INSERT IGNORE INTO bench_fulfilment (event_id, object_id) VALUES (:id, :object)")
                    .param("id", event.id()).param("object", event.dataObjectId()).update();
        }
    }

    private record Signed(String body, String signature) {
    }

    private record Result(int sent, int ok, long wallNanos, double[] latenciesMillis, long processedNanos) {
    }

    @Test
    void measure() throws Exception {
        maintenance.connectSandboxWhenNoKey();
        String secret = connections.webhookSecret().orElseThrow();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        run("evt_bench_warm_", WARMUP_EVENTS, secret);
        Result result = run("evt_bench_run_", EVENTS, secret);

        long stored = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE 'evt\\_bench\\_run\\_%'").query(Long.class).single();
        long processed = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE 'evt\\_bench\\_run\\_%' AND state = 'PROCESSED'")
                .query(Long.class).single();
        long fulfilled = jdbc.sql("SELECT COUNT(*) FROM bench_fulfilment WHERE event_id LIKE 'evt\\_bench\\_run\\_%'")
                .query(Long.class).single();
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        double seconds = result.wallNanos() / 1e9;
        double[] ms = result.latenciesMillis();
        Arrays.sort(ms);
        line("# Webhook ingestion benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared: other builds may run at the same "
                + "time), JVM " + System.getProperty("java.version") + ", embedded MariaDB 11.4 (InnoDB, a durable commit "
                + "per event). Client and server in one JVM on loopback: " + CONNECTIONS + " concurrent connections "
                + "(java.net.http, virtual threads), bodies signed beforehand; " + String.format(Locale.ROOT, "%,d", WARMUP_EVENTS)
                + " warm-up events first. Load average before / after: " + loadBefore + " / " + loadAfter + ".");
        line("");
        line("| what | value |");
        line("|---|---|");
        line(String.format(Locale.ROOT, "| events sent | %,d |", result.sent()));
        line(String.format(Locale.ROOT, "| answered 2xx | %,d |", result.ok()));
        line(String.format(Locale.ROOT, "| ingestion throughput | %,.0f events/s |", result.sent() / seconds));
        line(String.format(Locale.ROOT, "| latency p50 | %.2f ms |", percentile(ms, 0.50)));
        line(String.format(Locale.ROOT, "| latency p99 | %.2f ms |", percentile(ms, 0.99)));
        line(String.format(Locale.ROOT, "| latency max | %.2f ms |", ms[ms.length - 1]));
        line(String.format(Locale.ROOT, "| all sent in | %.2f s |", seconds));
        line(String.format(Locale.ROOT, "| all processed after (from the first POST) | %.2f s |", result.processedNanos() / 1e9));
        line(String.format(Locale.ROOT, "| processing throughput | %,.0f events/s |",
                result.sent() / (result.processedNanos() / 1e9)));
        line(String.format(Locale.ROOT, "| rows stored / PROCESSED / handler rows | %,d / %,d / %,d |", stored, processed,
                fulfilled));
        line("");
        line(stored == EVENTS && processed == EVENTS && fulfilled == EVENTS && result.ok() == EVENTS
                ? "No event lost, none processed twice." : "EVENTS LOST OR NOT PROCESSED — see the counts above.");

        Path out = Path.of("target", "bench", "webhook-ingestion.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("\n" + String.join("\n", report) + "\n\nWritten to " + out.toAbsolutePath());
        if (stored != EVENTS || processed != EVENTS || fulfilled != EVENTS) {
            throw new AssertionError("events lost: stored " + stored + ", processed " + processed + ", handled " + fulfilled);
        }
    }

    private Result run(String prefix, int count, String secret) throws Exception {
        long created = Instant.now().getEpochSecond();
        Signed[] events = new Signed[count];
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            String body = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                    + created + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"bench.handled\",\"data\":{\"object\":"
                    + "{\"id\":\"cs_bench_" + i + "\",\"object\":\"checkout.session\",\"amount_total\":2500,\"currency\":\"eur\","
                    + "\"payment_status\":\"paid\",\"metadata\":{\"quote\":\"" + i + "\"}}},\"request\":{\"id\":null,"
                    + "\"idempotency_key\":null}}";
            events[i] = new Signed(body, Webhook.Signature.generateSignatureHeader(body, secret));
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/stripe/webhook");
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(Executors.newVirtualThreadPerTaskExecutor())
                     .connectTimeout(Duration.ofSeconds(5)).build()) {
            long start = System.nanoTime();
            for (int c = 0; c < CONNECTIONS; c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Stripe-Signature", events[i].signature())
                                .POST(HttpRequest.BodyPublishers.ofString(events[i].body())).build();
                        long sent = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status / 100 == 2) {
                                ok.incrementAndGet();
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - sent) / 1e6;
                    }
                    return null;
                });
            }
            clients.shutdown();
            clients.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            long wall = System.nanoTime() - start;
            String like = prefix.replace("_", "\\_") + "%";
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE :like AND state = 'PENDING'")
                    .param("like", like).query(Long.class).single() > 0) {
                Thread.sleep(20);
            }
            long processed = System.nanoTime() - start;
            return new Result(count, ok.get(), wall, latencies, processed);
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private void line(String text) {
        report.add(text);
    }
}
