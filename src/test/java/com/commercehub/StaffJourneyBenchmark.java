package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import com.commercehub.buyer.TwentyLineQuote;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.testsupport.JvmHeap;
import com.commercehub.testsupport.OpenTabs;
import com.commercehub.testsupport.ProductionJar;
import com.commercehub.testsupport.StaffHttpSession;
import com.commercehub.testsupport.VaadinUiSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: issue 17 point 5, staff under load. Run with
 * {@code ./mvnw -Pbench verify -Dit.test=StaffJourneyBenchmark} (50 reps, 5 minutes), or the short run
 * {@code -Dbench.short=true} (10 reps, 1 minute); with a jar already in target/,
 * {@code ./mvnw -o test -Dtest=StaffJourneyBenchmark} is quicker.
 *
 * <p>The packaged jar on a seeded deal (20 lines) and its 20-line draft quote. Each rep is a signed-in session in a
 * thread of its own, driving one tab with {@link VaadinUiSession}, with a pause between actions
 * ({@code bench.think}): the quotes list, the deal, "Create quote" (a new 20-line draft, opened in the builder), a
 * custom line through its dialog, a changed quantity, a new title (each change autosaves), then the seeded quote
 * (another builder). The server time of an action is its UIDL round trip (navigation includes the grids' first
 * rows). Any failed answer (HTTP status, {@code appError}, a refused message) is counted as an error and the rep
 * opens a fresh tab. Live heap ({@code jcmd GC.class_histogram}) when every rep has its tab open, at the end with the
 * same tabs, and after the tabs closed (heartbeat timeout passed). Writes target/bench/staff-journey.md.
 *
 * <p>System properties: {@code bench.reps} (50), {@code bench.seconds} (300), {@code bench.think} (ms, 1000),
 * {@code bench.heartbeat} (s, 10), {@code bench.port} (19330), {@code bench.heap} (-Xmx512m).
 */
class StaffJourneyBenchmark {

    private static final boolean SHORT = Boolean.getBoolean("bench.short");
    private static final int REPS = Integer.getInteger("bench.reps", SHORT ? 10 : 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", SHORT ? 60 : 300);
    private static final int THINK_MS = Integer.getInteger("bench.think", 1000);
    private static final int HEARTBEAT = Integer.getInteger("bench.heartbeat", 10);
    private static final int PORT = Integer.getInteger("bench.port", 19330);
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx512m");
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final List<String> ACTIONS = List.of("open quotes list", "open deal", "create quote",
            "open custom-line dialog", "type line name", "type unit price", "add line", "change quantity", "save title",
            "open another quote");

    private final Map<String, List<Long>> timings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private String tabCensus = "";

    @Test
    void measure() throws Exception {
        String loadBefore = BenchReport.loadAverage();
        ACTIONS.forEach(a -> {
            timings.put(a, java.util.Collections.synchronizedList(new ArrayList<>()));
            errors.put(a, new AtomicLong());
        });
        Path dir = Files.createDirectories(Path.of("target", "production-jar", "journey-" + UUID.randomUUID()));
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_bench_journey");
        try (AutoCloseable lease = database.lease()) {
            QuoteDetails quote = JarSeeding.seed(database, dir, PORT, TwentyLineQuote::draft);
            try (ProductionJar jar = JarSeeding.startForStaff(database, dir, PORT, HEAP, HEARTBEAT)) {
                jar.awaitReady();
                List<VaadinUiSession> tabs = new CopyOnWriteArrayList<>();
                // Every tab starts where a journey ends, on the seeded quote's builder: start and end compare alike.
                for (int i = 0; i < REPS; i++) {
                    tabs.add(VaadinUiSession.open(StaffHttpSession.signIn(PORT, "sam@example.com", PASSWORD),
                            "quotes/" + quote.id()));
                }
                ScheduledExecutorService heartbeats = OpenTabs.keepAlive(tabs, HEARTBEAT);
                JvmHeap.Histogram start = JvmHeap.histogram(jar.pid());
                Map<String, Integer> tabAtStart = tabs.getFirst().census();
                double cpuBefore = BenchReport.cpuSeconds(jar.pid());
                long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
                ExecutorService reps = Executors.newFixedThreadPool(REPS);
                List<Future<Integer>> rounds = new ArrayList<>();
                for (int i = 0; i < REPS; i++) {
                    int rep = i;
                    rounds.add(reps.submit(() -> journey(rep, tabs, quote, deadline)));
                }
                int journeys = 0;
                for (Future<Integer> round : rounds) {
                    journeys += round.get();
                }
                reps.shutdown();
                double cpu = BenchReport.cpuSeconds(jar.pid()) - cpuBefore;
                JvmHeap.Histogram end = JvmHeap.histogram(jar.pid());
                tabCensus = "rep 0's tab, elements by tag the driver sees: at the start " + tabAtStart + "; at the end "
                        + tabs.getFirst().census();

                heartbeats.shutdownNow();
                OpenTabs.awaitRelease(tabs, HEARTBEAT, jar.baseUrl());
                JvmHeap.Histogram released = JvmHeap.histogram(jar.pid());

                String report = report(start, end, released, journeys, cpu, loadBefore, BenchReport.loadAverage());
                Path out = Path.of("target", "bench", "staff-journey.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.println("\n===== STAFF JOURNEY =====\n" + report + "\nWritten to " + out.toAbsolutePath());
                assertThat(errors.values().stream().mapToLong(AtomicLong::get).sum()).as("errors: " + errorSamples)
                        .isZero();
                assertThat(jar.stop(Duration.ofSeconds(60))).isTrue();
            }
        }
    }

    /** One rep's journeys until the deadline; answers how many were completed. */
    private int journey(int rep, List<VaadinUiSession> tabs, QuoteDetails seeded, long deadline) throws Exception {
        int completed = 0;
        int round = 0;
        while (System.nanoTime() < deadline) {
            round++;
            int quantity = 2 + round % 5;
            String title = "Rep " + rep + " round " + round;
            VaadinUiSession tab = tabs.get(rep);
            try {
                act("open quotes list", () -> tab.navigate("quotes", "link"));
                act("open deal", () -> tab.navigate("deals/" + seeded.dealId(), "link"));
                act("create quote", () -> tab.click(tab.withText("vaadin-button", "Create quote")));
                act("open custom-line dialog", () -> tab.click(tab.withText("vaadin-button", "Custom item")));
                String name = "Rep " + rep + " extra " + round;
                act("type line name", () -> tab.type(tab.in(tab.withTag("vaadin-dialog"),
                        n -> "vaadin-text-field".equals(n.tag()) && n.property("label").map(l -> l.asString())
                                .filter("Name"::equals).isPresent()), name));
                // A custom item needs its price too: without one the dialog refuses Save and stays open.
                act("type unit price", () -> tab.type(tab.in(tab.in(tab.withTag("vaadin-dialog"),
                        n -> "vaadin-custom-field".equals(n.tag()) && n.property("label").map(l -> l.asString())
                                .filter("Unit price"::equals).isPresent()),
                        n -> "vaadin-text-field".equals(n.tag())), "120"));
                act("add line", () -> {
                    long took = tab.click(tab.in(tab.withTag("vaadin-dialog"),
                            n -> "vaadin-button".equals(n.tag()) && tab.textOf(n).equals("Save")));
                    if (!tab.findAll(n -> "vaadin-dialog".equals(n.tag())).isEmpty()) {
                        throw new AssertionError("the line was not added: its dialog is still there");
                    }
                    return took;
                });
                act("change quantity", () -> tab.callRowFunction("Line 1 service", "quantity",
                        Integer.toString(quantity)));
                act("save title", () -> tab.type(tab.withProperty("vaadin-text-field", "label", "Quote title"),
                        title));
                act("open another quote", () -> tab.navigate("quotes/" + seeded.id(), "link"));
                completed++;
            } catch (ActionFailed failed) {
                // A fresh tab, as a rep would reload after an error.
                tabs.set(rep, VaadinUiSession.open(tab.session(), "quotes/" + seeded.id()));
            }
        }
        return completed;
    }

    private static final class ActionFailed extends Exception {
        ActionFailed(Throwable cause) {
            super(cause);
        }
    }

    private interface Action {
        long run() throws Exception;
    }

    private void act(String action, Action step) throws Exception {
        Thread.sleep(THINK_MS);
        try {
            timings.get(action).add(step.run());
        } catch (Exception | AssertionError e) {
            errors.get(action).incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.add(action + ": " + e);
            }
            throw new ActionFailed(e);
        }
    }

    private String report(JvmHeap.Histogram start, JvmHeap.Histogram end, JvmHeap.Histogram released, int journeys,
                          double cpuSeconds, String loadBefore, String loadAfter) throws Exception {
        List<String> out = new ArrayList<>();
        long actions = timings.values().stream().mapToLong(List::size).sum();
        out.add("# Staff journey under load (issue 17 point 5)");
        out.add("");
        out.add(String.format(Locale.ROOT, "Command: `./mvnw -Pbench verify -Dit.test=StaffJourneyBenchmark%s` · %d reps "
                        + "· %d s · think time %d ms · heartbeat %d s · %s · %s · JDK %s · commit %s · load average "
                        + "before `%s`, after `%s`", SHORT ? " -Dbench.short=true" : "", REPS, SECONDS, THINK_MS,
                HEARTBEAT, HEAP, BenchReport.cpuModel(), Runtime.version(), BenchReport.commit(), loadBefore, loadAfter));
        out.add("");
        out.add(String.format(Locale.ROOT, "%,d journeys completed, %,d actions (%.1f/s); the jar used %.1f s of CPU, "
                + "%.1f ms per action.", journeys, actions, actions / (double) SECONDS, cpuSeconds,
                cpuSeconds * 1000 / Math.max(1, actions)));
        out.add("");
        out.add("| action | count | errors | p50 | p95 | max |");
        out.add("|---|---|---|---|---|---|");
        for (String action : ACTIONS) {
            long[] sorted = timings.get(action).stream().mapToLong(Long::longValue).sorted().toArray();
            out.add(String.format(Locale.ROOT, "| %s | %,d | %d | %s | **%s** | %s |", action, sorted.length,
                    errors.get(action).get(), millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 1.0)));
        }
        out.add("");
        out.add("| live heap (after a full GC) | MB |");
        out.add("|---|---|");
        out.add(String.format(Locale.ROOT, "| start, %d tabs open on the builder | %,.1f |", REPS, start.totalBytes() / 1048576.0));
        out.add(String.format(Locale.ROOT, "| end, the same %d tabs back on the builder | %,.1f (%+.1f) |", REPS,
                end.totalBytes() / 1048576.0, (end.totalBytes() - start.totalBytes()) / 1048576.0));
        out.add(String.format(Locale.ROOT, "| tabs closed, after the heartbeat timeout | %,.1f |",
                released.totalBytes() / 1048576.0));
        if (!errorSamples.isEmpty()) {
            out.add("");
            out.add("First errors: " + String.join("; ", errorSamples));
        }
        out.add("");
        out.add(tabCensus);
        out.add("");
        out.add("Grown most from start to end:");
        out.add("");
        out.add("| class | instances | kB |");
        out.add("|---|---|---|");
        end.minus(start).limit(10).forEach(row -> out.add(String.format(Locale.ROOT, "| `%s` | %+,d | %+,.1f |",
                row.className(), row.instances(), row.bytes() / 1024.0)));
        return String.join("\n", out) + "\n";
    }

    private static String millis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "–";
        }
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p) - 1));
        return String.format(Locale.ROOT, "%.1f ms", sorted[index] / 1e6);
    }
}
