package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import com.commercehub.buyer.TwentyLineQuote;
import com.commercehub.stripe.BenchEvents;
import com.commercehub.testsupport.KeepAliveConnection;
import com.commercehub.testsupport.ProductionJar;
import com.commercehub.testsupport.Wrk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: issue 17's HTTP figures for the packaged jar, run with
 * {@code ./mvnw -Pbench verify -Dit.test=ProductionJarLoadBenchmark} (verify packages the jar first).
 *
 * <p>Seeds a fresh database on the test JVM's MariaDB through an application context of its own (a published
 * 20-line quote, the built-in sandbox connected), closes it, then starts the jar on the same database, the same
 * secret key and the same port — so the jar finds the sandbox connection as its own and keeps its webhook
 * secret — with a fixed heap and the buyer rate limit raised. After a warm-up, each round measures with
 * {@code wrk -t1}: the buyer page's stylesheet (a static file of the same Tomcat, the baseline), the unknown-link
 * 404 page, the quote's page at 16 and 64 connections and its PDF; then signed webhook events over 16 keep-alive
 * connections, every one counted in {@code stripe_event} afterwards. Figures are medians over the rounds, with
 * min–max and the ratio to the static file of the same round. Writes target/bench/production-jar.md.
 *
 * <p>System properties: {@code bench.repetitions} (rounds, 3), {@code bench.duration} (each wrk run, 10s),
 * {@code bench.warmup} (10s), {@code bench.events} (webhook events per round, 20000), {@code bench.port} (19310),
 * {@code bench.heap} (-Xmx512m, the README's production advice), {@code bench.jvm} (further JVM options for the jar,
 * e.g. a flight recording), {@code bench.args} (further application arguments for the jar).
 */
class ProductionJarLoadBenchmark {

    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);
    private static final String DURATION = System.getProperty("bench.duration", "10s");
    private static final String WARMUP = System.getProperty("bench.warmup", "10s");
    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int PORT = Integer.getInteger("bench.port", 19310);
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx512m");
    /** Further JVM options for the jar, split at spaces: e.g. {@code -XX:StartFlightRecording=filename=x.jfr} to profile it. */
    private static final List<String> JAR_JVM_OPTIONS = System.getProperty("bench.jvm", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.jvm").strip().split("\\s+"));
    /** Further application arguments for the jar, split at spaces: e.g. {@code --server.tomcat.threads.max=16}. */
    private static final List<String> JAR_ARGUMENTS = System.getProperty("bench.args", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.args").strip().split("\\s+"));
    private static final int WEBHOOK_CONNECTIONS = 16;
    /** An event type no handler wants: the worker only claims it and marks it IGNORED (no fulfilment work). */
    private static final String EVENT_TYPE = "bench.ingest";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0 Safari/537.36";
    private static final List<String> HEADERS = List.of("User-Agent: " + BROWSER, "Accept-Language: en");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One wrk measurement: what, how many connections, and what it must reach (null: no target). */
    private record Load(String name, String path, int connections, Double minRate, Double maxP99) {
    }

    private record Sample(double rate, double p50, double p99, double cpuMsPerRequest, long non2xx, String errors) {
    }

    private record Ingestion(double rate, double p50, double p99, double answeredSeconds, double processedSeconds,
                             long sent, long ok, long stored, long finished, double cpuMsPerEvent) {
    }

    @Test
    void measure() throws Exception {
        Wrk.executable();
        String loadBefore = BenchReport.loadAverage();
        Path dir = Files.createDirectories(Path.of("target", "production-jar", "bench-" + UUID.randomUUID()));
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_bench_jar");
        try (AutoCloseable lease = database.lease()) {
            Seeded seeded = seed(database, dir);
            Map<String, String> env = Map.of("HUB_DATA_DIR", dir.toAbsolutePath().toString(),
                    "DB_URL", database.jdbcUrl(), "DB_USER", database.username(), "DB_PASSWORD", database.password());
            Instant started = Instant.now();
            try (ProductionJar jar = ProductionJar.start(PORT, log, env,
                    Stream.concat(Stream.of(HEAP), JAR_JVM_OPTIONS.stream()).toList(),
                    Stream.concat(Stream.of("--server.address=127.0.0.1", "--hub.buyer.requests-per-minute=100000000"),
                            JAR_ARGUMENTS.stream()).toList())) {
                jar.awaitReady();
                Duration startUp = Duration.between(started, Instant.now());
                String page = seeded.linkPath();
                List<Load> loads = List.of(
                        new Load("static file `/buyer/buyer.css` (baseline)", "/buyer/buyer.css", 16, null, null),
                        new Load("static file `/buyer/buyer.css` (baseline)", "/buyer/buyer.css", 64, null, null),
                        new Load("unknown-link 404 page", "/quote/" + "A".repeat(43), 16, null, null),
                        new Load("buyer quote page (20 lines)", page, 16, 1_000.0, 100.0),
                        new Load("buyer quote page (20 lines)", page, 64, 1_000.0, 100.0),
                        new Load("quote PDF (20 lines)", page + "/pdf", 16, null, null));
                int pageBytes = sanityChecks(jar, page, seeded.secret());

                // Warm-up: the JIT, Tomcat's threads, the pool and MariaDB's buffers, with the same requests.
                for (Load load : List.of(loads.get(0), loads.get(3), loads.get(5))) {
                    Wrk.run(url(load.path()), 16, WARMUP, HEADERS);
                }
                ingest(jar, database, seeded.secret(), "evt_jar_warm_", Math.min(EVENTS, 3_000));

                Map<Load, List<Sample>> samples = new LinkedHashMap<>();
                List<Ingestion> ingestions = new ArrayList<>();
                for (int round = 1; round <= REPETITIONS; round++) {
                    for (Load load : loads) {
                        samples.computeIfAbsent(load, l -> new ArrayList<>()).add(wrk(jar, load));
                    }
                    ingestions.add(ingest(jar, database, seeded.secret(), "evt_jar_r" + round + "_", EVENTS));
                }
                String report = report(loads, samples, ingestions, startUp, pageBytes, loadBefore, BenchReport.loadAverage(), jar);
                Path out = Path.of("target", "bench", "production-jar.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.println("\n===== PRODUCTION JAR LOAD BENCHMARK =====\n" + report
                        + "\nWritten to " + out.toAbsolutePath() + "\n");

                for (List<Sample> list : samples.values()) {
                    assertThat(list).allSatisfy(s -> assertThat(s.errors()).as("wrk socket errors").isEmpty());
                }
                for (Load load : loads) {
                    long unexpected = samples.get(load).stream().mapToLong(Sample::non2xx).sum();
                    if (load.path().startsWith("/quote/AAAA")) {
                        assertThat(unexpected).as("every answer of " + load.name() + " is the 404").isPositive();
                    } else {
                        assertThat(unexpected).as("non-2xx answers of " + load.name()).isZero();
                    }
                }
                assertThat(ingestions).allSatisfy(i -> {
                    assertThat(i.ok()).as("events answered 2xx").isEqualTo(i.sent());
                    assertThat(i.stored()).as("events stored").isEqualTo(i.sent());
                    assertThat(i.finished()).as("events processed").isEqualTo(i.sent());
                });
                assertThat(jar.stop(Duration.ofSeconds(60))).as("the jar stops on SIGTERM").isTrue();
            }
        }
    }

    private record Seeded(String linkPath, String secret) {
    }

    /** The published quote and the sandbox's webhook secret, made before the jar starts (see {@link JarSeeding}). */
    private static Seeded seed(SharedTestServer.Database database, Path dir) {
        return JarSeeding.seed(database, dir, PORT, seeding -> new Seeded(TwentyLineQuote.publish(seeding).linkPath(),
                BenchEvents.webhookSecret(seeding)));
    }

    /** The jar serves what is measured, as it should: fails before measuring otherwise. */
    private static int sanityChecks(ProductionJar jar, String page, String secret) throws Exception {
        HttpResponse<String> first = get(page);
        assertThat(first.statusCode()).as("the quote page").isEqualTo(200);
        assertThat(first.body()).contains("Line 20", "signature-pad");
        assertThat(first.headers().allValues("Set-Cookie")).as("no session for a buyer page").isEmpty();
        assertThat(get("/buyer/buyer.css").statusCode()).isEqualTo(200);
        assertThat(get("/quote/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        HttpResponse<String> pdf = get(page + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        BenchEvents.Signed probe = BenchEvents.signed("evt_jar_probe", EVENT_TYPE, 0, Instant.now().getEpochSecond(),
                secret);
        KeepAliveConnection connection = new KeepAliveConnection(jar.port());
        try {
            assertThat(connection.post("/stripe/webhook", probe.signature(), probe.body()) / 100)
                    .as("the jar accepts events signed with the seeded secret (2xx)").isEqualTo(2);
        } finally {
            connection.close();
        }
        return first.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static Sample wrk(ProductionJar jar, Load load) throws Exception {
        double cpuBefore = BenchReport.cpuSeconds(jar.pid());
        Wrk.Result result = Wrk.run(url(load.path()), load.connections(), DURATION, HEADERS);
        double cpu = BenchReport.cpuSeconds(jar.pid()) - cpuBefore;
        return new Sample(result.requestsPerSecond(), result.p50Millis(), result.p99Millis(),
                cpu * 1000 / Math.max(1, result.requests()), result.non2xx(), result.socketErrors());
    }

    /**
     * {@code count} signed events with unique ids over 16 keep-alive connections (a virtual thread each, one request
     * at a time), then waits until the jar's workers have finished every one; counts them in the database.
     */
    private static Ingestion ingest(ProductionJar jar, SharedTestServer.Database database, String secret,
                                    String prefix, int count) throws Exception {
        long created = Instant.now().getEpochSecond();
        BenchEvents.Signed[] events = new BenchEvents.Signed[count];
        for (int i = 0; i < count; i++) {
            events[i] = BenchEvents.signed(prefix + i, EVENT_TYPE, i, created, secret);
        }
        double cpuBefore = BenchReport.cpuSeconds(jar.pid());
        long start = System.nanoTime();
        BenchEvents.Sent sent = BenchEvents.send(jar.port(), WEBHOOK_CONNECTIONS, events);
        long answered = sent.wallNanos();
        String like = prefix.replace("_", "\\_") + "%";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long[] counts;
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            do {
                counts = counts(db, like);
                if (counts[1] == counts[0] && counts[0] >= sent.ok()) {
                    break;
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
        }
        long processed = System.nanoTime() - start;
        double cpu = BenchReport.cpuSeconds(jar.pid()) - cpuBefore;
        double[] latencies = sent.latenciesMillis().clone();
        Arrays.sort(latencies);
        return new Ingestion(count / (answered / 1e9), percentile(latencies, 0.50), percentile(latencies, 0.99),
                answered / 1e9, processed / 1e9, count, sent.ok(), counts[0], counts[1], cpu * 1000 / count);
    }

    /** Rows stored with the prefix, and those of them no longer PENDING. */
    private static long[] counts(Connection db, String like) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(state <> 'PENDING'), 0) FROM stripe_event WHERE id LIKE ?")) {
            query.setString(1, like);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private static String report(List<Load> loads, Map<Load, List<Sample>> samples, List<Ingestion> ingestions,
                                 Duration startUp, int pageBytes, String loadBefore, String loadAfter,
                                 ProductionJar jar) throws Exception {
        List<String> out = new ArrayList<>();
        out.add("# Production jar under HTTP load (issue 17)");
        out.add("");
        out.add(String.format(Locale.ROOT, "Command: `./mvnw -Pbench verify -Dit.test=ProductionJarLoadBenchmark%s` · "
                        + "CPU: %s (%d cores) · JDK: %s %s · commit %s · %s UTC · load average before / after: %s / %s.",
                REPETITIONS == 3 && DURATION.equals("10s") && EVENTS == 20_000 ? ""
                        : " -Dbench.repetitions=" + REPETITIONS + " -Dbench.duration=" + DURATION
                        + " -Dbench.warmup=" + WARMUP + " -Dbench.events=" + EVENTS,
                BenchReport.cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"), BenchReport.commit(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now()),
                loadBefore, loadAfter));
        out.add("");
        out.add(String.format(Locale.ROOT, "The packaged jar (`java %s -jar`, production defaults%s, buyer rate limit "
                        + "raised, ready after %.0f s) on the test JVM's MariaDB 11.4 over loopback; the load generator "
                        + "shares the same cores. `wrk -t1 -d%s --latency` after %s warm-up runs; %d round%s, each "
                        + "measuring every row once; median (min–max) over the rounds. \"× static\" is the ratio to "
                        + "the static file at the same connection count in the same round (median of the rounds). "
                        + "CPU/request is the jar process's user + system CPU divided by the requests served. "
                        + "Quote page: %,d bytes of HTML, no session.",
                String.join(" ", Stream.concat(Stream.of(HEAP), JAR_JVM_OPTIONS.stream()).toList()),
                JAR_ARGUMENTS.isEmpty() ? "" : " but `" + String.join(" ", JAR_ARGUMENTS) + "`",
                startUp.toMillis() / 1000.0, DURATION, WARMUP, REPETITIONS, REPETITIONS == 1 ? "" : "s",
                pageBytes));
        out.add("");
        out.add("| what | connections | requests/s | × static | p50 | p99 | × static p99 | jar CPU/request | target |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        for (Load load : loads) {
            List<Sample> list = samples.get(load);
            List<Sample> baseline = samples.get(loads.get(load.connections() == 64 ? 1 : 0));
            boolean isBaseline = load.path().equals("/buyer/buyer.css");
            double[] rateRatio = new double[list.size()];
            double[] p99Ratio = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                rateRatio[i] = list.get(i).rate() / baseline.get(i).rate();
                p99Ratio[i] = list.get(i).p99() / baseline.get(i).p99();
            }
            String target = "";
            if (load.minRate() != null) {
                boolean met = median(list, Sample::rate) >= load.minRate() && median(list, Sample::p99) < load.maxP99();
                target = String.format(Locale.ROOT, "≥ %,.0f/s, p99 < %.0f ms: %s", load.minRate(), load.maxP99(),
                        met ? "**met**" : "**not met**");
            }
            out.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %.2f ms | %s |", load.name(),
                    load.connections(), spread(list, Sample::rate, "%,.0f", ""),
                    isBaseline ? "1" : String.format(Locale.ROOT, "%.2f", median(rateRatio)),
                    fmt(median(list, Sample::p50), " ms"), spread(list, Sample::p99, "%.1f", " ms"),
                    isBaseline ? "1" : String.format(Locale.ROOT, "%.1f", median(p99Ratio)),
                    median(list, Sample::cpuMsPerRequest), target));
        }
        List<Sample> staticAt16 = samples.get(loads.get(0));
        double[] ingestRatio = new double[ingestions.size()];
        for (int i = 0; i < ingestions.size(); i++) {
            ingestRatio[i] = ingestions.get(i).rate() / staticAt16.get(i).rate();
        }
        boolean webhookMet = medianOf(ingestions, Ingestion::rate) >= 1_500 && medianOf(ingestions, Ingestion::p99) < 50;
        out.add(String.format(Locale.ROOT, "| signed webhook events (%,d a round, Java keep-alive client) | %d | %s | %.2f "
                        + "| %s | %s | %.1f | %.2f ms | ≥ 1,500/s, p99 < 50 ms: %s |", EVENTS, WEBHOOK_CONNECTIONS,
                spreadOf(ingestions, Ingestion::rate, "%,.0f", ""), median(ingestRatio),
                fmt(medianOf(ingestions, Ingestion::p50), " ms"), spreadOf(ingestions, Ingestion::p99, "%.1f", " ms"),
                medianOf(ingestions, Ingestion::p99) / median(staticAt16, Sample::p99),
                medianOf(ingestions, Ingestion::cpuMsPerEvent), webhookMet ? "**met**" : "**not met**"));
        out.add("");
        out.add("Webhook events, each round: all answered after " + spreadOf(ingestions, Ingestion::answeredSeconds,
                "%.2f", " s") + ", all processed after " + spreadOf(ingestions, Ingestion::processedSeconds, "%.2f", " s")
                + " (from the first POST; the jar's 2 event workers, type `" + EVENT_TYPE + "` has no handler, so "
                + "processing is claim + mark IGNORED). Counted in `stripe_event` afterwards: "
                + String.join("; ", ingestions.stream().map(i -> String.format(Locale.ROOT,
                "%,d sent, %,d answered 2xx, %,d stored, %,d processed", i.sent(), i.ok(), i.stored(), i.finished()))
                .toList()) + ".");
        out.add("");
        out.add("Not measured by this harness (their own benchmarks, in a Spring test context; see docs/PERFORMANCE.md):");
        out.add("");
        out.add("| what | figure | command |");
        out.add("|---|---|---|");
        out.add("| dashboard over 1,000,000 payments, whole dashboard (30 / 365 days) | p95 11.7 ms / 127.6 ms "
                + "(issue 15, commit 140144e) | `./mvnw -Pbench verify -Dit.test=DashboardBenchmark "
                + "-Dbench.payments=1000000` |");
        out.add("| product library over 100,000 products, search (COUNT + a page of 50) | 32 ms for a search with few "
                + "or no matches (commit 9cbf573) | `./mvnw -Pbench verify -Dit.test=ProductLibraryBenchmark` |");
        out.add("");
        out.add(String.format(Locale.ROOT, "Jar after the run: %,d MB resident.", residentMegabytes(jar.pid())));
        return String.join("\n", out) + "\n";
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("User-Agent", BROWSER)
                        .header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static String fmt(double value, String unit) {
        return String.format(Locale.ROOT, "%.1f%s", value, unit);
    }

    private static <T> double medianOf(List<T> list, ToDoubleFunction<T> field) {
        return median(list.stream().mapToDouble(field).toArray());
    }

    private static double median(List<Sample> list, ToDoubleFunction<Sample> field) {
        return medianOf(list, field);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** "median (min–max)", or just the value for a single round. */
    private static <T> String spreadOf(List<T> list, ToDoubleFunction<T> field, String format, String unit) {
        double[] values = list.stream().mapToDouble(field).toArray();
        String median = String.format(Locale.ROOT, format, median(values)) + unit;
        if (values.length == 1) {
            return median;
        }
        return median + String.format(Locale.ROOT, " (" + format + "–" + format + ")",
                Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    }

    private static String spread(List<Sample> list, ToDoubleFunction<Sample> field, String format, String unit) {
        return spreadOf(list, field, format, unit);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static long residentMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1L);
    }
}
