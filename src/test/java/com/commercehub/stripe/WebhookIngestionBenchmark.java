package com.commercehub.stripe;

import com.commercehub.stripe.BenchEvents.Signed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Not a test: a measuring harness, run with
 * {@code ./mvnw -Pbench verify -Dit.test=WebhookIngestionBenchmark}. Starts the app on a random loopback port
 * (its own database), then POSTs signed events to {@code /stripe/webhook} over 16 concurrent connections
 * (keep-alive HTTP/1.1, a virtual thread each, one request at a time per connection): verify the signature on the raw body, insert the
 * row durably, answer 2xx. Reports events/s, p50/p99/max latency as the client sees it, and how long until the
 * worker has processed them all (a handler writing one row per event, as fulfilment would). Counts the rows:
 * none may be lost. Writes target/bench/webhook-ingestion.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.db.database=hub_bench_webhook", "hub.stripe.events.sweep-interval=PT1S", "hub.db.pool-size=20",
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

    /**
     * A handler as fulfilment would be: one row per event, in the event's transaction. While {@link #gate} is
     * closed it waits, which parks the worker threads, so that ingestion can be measured on its own.
     */
    static class BenchHandler implements StripeEventHandler {

        static volatile CountDownLatch gate;

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
            CountDownLatch closed = gate;
            if (closed != null) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            jdbc.sql("INSERT IGNORE INTO bench_fulfilment (event_id, object_id) VALUES (:id, :object)")
                    .param("id", event.id()).param("object", event.dataObjectId()).update();
        }
    }

    private record Result(String name, int sent, int ok, long wallNanos, double[] latenciesMillis, long processedNanos,
                          double appCpu, double dbCpu, long stored, long processed, long handled) {

        boolean complete() {
            return ok == sent && stored == sent && processed == sent && handled == sent;
        }
    }

    @Test
    void measure() throws Exception {
        maintenance.checkConnectionOnStart();
        String secret = connections.webhookSecret().orElseThrow();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        measured("warm", WARMUP_EVENTS, secret, false);
        Result together = measured("together", EVENTS, secret, false);
        Result alone = measured("alone", EVENTS, secret, true);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        line("# Webhook ingestion benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared: other builds may run at the same "
                + "time), JVM " + System.getProperty("java.version") + ", embedded MariaDB 11.4 (InnoDB, a durable commit "
                + "per event). Client and server in one JVM on loopback: " + CONNECTIONS + " concurrent connections "
                + "(keep-alive HTTP/1.1 on plain sockets, one virtual thread each), bodies signed beforehand; " + String.format(Locale.ROOT, "%,d", WARMUP_EVENTS)
                + " warm-up events first. The handler writes one row per event. *Together*: the worker processes while "
                + "events arrive (as in production). *Alone*: the worker threads are parked until every event is stored, "
                + "so ingestion has the cores to itself, then they drain the backlog. Load average before / after: "
                + loadBefore + " / " + loadAfter + ".");
        line("");
        line("| what | together | alone |");
        line("|---|---|---|");
        row("events sent", together, alone, r -> String.format(Locale.ROOT, "%,d", r.sent()));
        row("answered 2xx", together, alone, r -> String.format(Locale.ROOT, "%,d", r.ok()));
        row("ingestion throughput", together, alone,
                r -> String.format(Locale.ROOT, "%,.0f events/s", r.sent() / (r.wallNanos() / 1e9)));
        row("latency p50", together, alone, r -> String.format(Locale.ROOT, "%.2f ms", percentile(r.latenciesMillis(), 0.50)));
        row("latency p99", together, alone, r -> String.format(Locale.ROOT, "%.2f ms", percentile(r.latenciesMillis(), 0.99)));
        row("latency max", together, alone,
                r -> String.format(Locale.ROOT, "%.2f ms", r.latenciesMillis()[r.latenciesMillis().length - 1]));
        row("all answered after", together, alone, r -> String.format(Locale.ROOT, "%.2f s", r.wallNanos() / 1e9));
        row("all processed after (from the first POST)", together, alone,
                r -> String.format(Locale.ROOT, "%.2f s", r.processedNanos() / 1e9));
        row("CPU until all processed: app JVM (client included) / MariaDB", together, alone,
                r -> String.format(Locale.ROOT, "%.1f s / %.1f s", r.appCpu(), r.dbCpu()));
        row("CPU per event (ingest + process): app / MariaDB", together, alone,
                r -> String.format(Locale.ROOT, "%.0f µs / %.0f µs", r.appCpu() * 1e6 / r.sent(), r.dbCpu() * 1e6 / r.sent()));
        row("rows stored / PROCESSED / handler rows", together, alone,
                r -> String.format(Locale.ROOT, "%,d / %,d / %,d", r.stored(), r.processed(), r.handled()));
        line("");
        line(together.complete() && alone.complete() ? "No event lost, none processed twice."
                : "EVENTS LOST OR NOT PROCESSED — see the counts above.");

        Path out = Path.of("target", "bench", "webhook-ingestion.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("\n" + String.join("\n", report) + "\n\nWritten to " + out.toAbsolutePath());
        if (!together.complete() || !alone.complete()) {
            throw new AssertionError("events lost or not processed");
        }
    }

    private void row(String what, Result together, Result alone, java.util.function.Function<Result, String> value) {
        line("| " + what + " | " + value.apply(together) + " | " + value.apply(alone) + " |");
    }

    private Result measured(String name, int count, String secret, boolean workersParked) throws Exception {
        String prefix = "evt_bench_" + name + "_";
        long mariadb = mariaDbPid();
        double appBefore = cpuSeconds(ProcessHandle.current().pid());
        double dbBefore = cpuSeconds(mariadb);
        if (workersParked) {
            BenchHandler.gate = new CountDownLatch(1);
        }
        Result result = run(prefix, count, secret, () -> {
            CountDownLatch gate = BenchHandler.gate;
            BenchHandler.gate = null;
            if (gate != null) {
                gate.countDown();
            }
        });
        double appCpu = cpuSeconds(ProcessHandle.current().pid()) - appBefore;
        double dbCpu = cpuSeconds(mariadb) - dbBefore;
        String like = prefix.replace("_", "\\_") + "%";
        long stored = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE :like").param("like", like)
                .query(Long.class).single();
        long processed = jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE :like AND state = 'PROCESSED'")
                .param("like", like).query(Long.class).single();
        long handled = jdbc.sql("SELECT COUNT(*) FROM bench_fulfilment WHERE event_id LIKE :like").param("like", like)
                .query(Long.class).single();
        double[] sorted = result.latenciesMillis().clone();
        Arrays.sort(sorted);
        return new Result(name, result.sent(), result.ok(), result.wallNanos(), sorted, result.processedNanos(), appCpu,
                dbCpu, stored, processed, handled);
    }

    /** Sends {@code count} events, then runs {@code afterSending}, then waits until none is pending. */
    private Result run(String prefix, int count, String secret, Runnable afterSending) throws Exception {
        long created = Instant.now().getEpochSecond();
        Signed[] events = new Signed[count];
        for (int i = 0; i < count; i++) {
            events[i] = BenchEvents.signed(prefix + i, "bench.handled", i, created, secret);
        }
        long start = System.nanoTime();
        BenchEvents.Sent sent = BenchEvents.send(port, CONNECTIONS, events);
        long wall = sent.wallNanos();
        afterSending.run();
        String like = prefix.replace("_", "\\_") + "%";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id LIKE :like AND state = 'PENDING'")
                .param("like", like).query(Long.class).single() > 0) {
            Thread.sleep(20);
        }
        long processed = System.nanoTime() - start;
        return new Result(prefix, count, sent.ok(), wall, sent.latenciesMillis(), processed, 0, 0, 0, 0, 0);
    }

    /** The embedded MariaDB server of this checkout (its data folder is under target/). */
    private static long mariaDbPid() {
        String dir = Path.of("target", "test-mariadb").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dir)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** User + system CPU time of a process so far, from /proc (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private void line(String text) {
        report.add(text);
    }
}
