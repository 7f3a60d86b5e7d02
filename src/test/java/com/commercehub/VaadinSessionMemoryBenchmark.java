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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: issue 17 point 1, the live heap a signed-in staff session costs with the quote builder open on a
 * 20-line draft, run with {@code ./mvnw -Pbench verify -Dit.test=VaadinSessionMemoryBenchmark} (verify packages the
 * jar first; with a jar already in target/, {@code ./mvnw -o test -Dtest=VaadinSessionMemoryBenchmark} is quicker).
 *
 * <p>The packaged jar, a short heartbeat ({@code vaadin.heartbeatInterval}, so that closed tabs are released within
 * the run: Vaadin closes a UI after 3.1 missed heartbeats, at the session's next request). Live heap is the total of a
 * class histogram ({@code jcmd GC.class_histogram}, which runs a full GC first), taken: with no sessions (after one
 * warm-up session opened both routes); with N sessions on the minimal {@code /hello} route; with N more sessions on
 * the builder (each tab heartbeating, as an open browser tab does); and after the builder tabs stopped their
 * heartbeats, the timeout passed and each of their sessions made one more request. The classes that grew most with
 * the builder sessions are listed. Writes target/bench/session-memory.md.
 *
 * <p>System properties: {@code bench.sessions} (N, 50), {@code bench.heartbeat} (seconds, 5), {@code bench.port}
 * (19320), {@code bench.heap} (-Xmx512m).
 */
class VaadinSessionMemoryBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 50);
    private static final int HEARTBEAT = Integer.getInteger("bench.heartbeat", 5);
    private static final int PORT = Integer.getInteger("bench.port", 19320);
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx512m");
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final double TARGET_KB = 250;

    @Test
    void measure() throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Path dir = Files.createDirectories(Path.of("target", "production-jar", "memory-" + UUID.randomUUID()));
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_bench_memory");
        try (AutoCloseable lease = database.lease()) {
            QuoteDetails quote = JarSeeding.seed(database, dir, PORT, TwentyLineQuote::draft);
            String builderRoute = "quotes/" + quote.id();
            try (ProductionJar jar = JarSeeding.startForStaff(database, dir, PORT, HEAP, HEARTBEAT)) {
                jar.awaitReady();
                List<VaadinUiSession> open = new CopyOnWriteArrayList<>();
                ScheduledExecutorService heartbeats = OpenTabs.keepAliveInTurn(open, HEARTBEAT);
                try {
                    StaffHttpSession warm = StaffHttpSession.signIn(PORT, "sam@example.com", PASSWORD);
                    open.add(VaadinUiSession.open(warm, "hello"));
                    VaadinUiSession warmBuilder = VaadinUiSession.open(warm, builderRoute);
                    assertThat(warmBuilder.shows("Line 20 subscription")).as("the builder shows the 20 lines").isTrue();
                    assertThat(warmBuilder.heartbeatIntervalSeconds()).isEqualTo(HEARTBEAT);
                    open.add(warmBuilder);

                    JvmHeap.Histogram empty = JvmHeap.histogram(jar.pid());
                    List<VaadinUiSession> hello = openSessions(SESSIONS, "hello");
                    assertThat(hello.getFirst().shows("You are signed in.")).isTrue();
                    open.addAll(hello);
                    JvmHeap.Histogram withHello = JvmHeap.histogram(jar.pid());
                    List<VaadinUiSession> builders = openSessions(SESSIONS, builderRoute);
                    assertThat(builders).allSatisfy(ui -> assertThat(ui.shows("Line 20 subscription")).isTrue());
                    open.addAll(builders);
                    JvmHeap.Histogram withBuilders = JvmHeap.histogram(jar.pid());

                    // The builder tabs are closed: no more heartbeats; after the timeout each session's next request
                    // (another page of the app, not yet a UI) lets Vaadin close and drop the stale UI.
                    open.removeAll(builders);
                    Duration waited = OpenTabs.awaitRelease(builders, HEARTBEAT, jar.baseUrl());
                    JvmHeap.Histogram released = JvmHeap.histogram(jar.pid());
                    int gone = 0;
                    for (VaadinUiSession builder : builders) {
                        try {
                            builder.heartbeat();
                        } catch (VaadinUiSession.Failure expected) {
                            gone++;
                        }
                    }
                    String report = report(empty, withHello, withBuilders, released, gone, waited, loadBefore,
                            BenchReport.loadAverage());
                    Path out = Path.of("target", "bench", "session-memory.md");
                    Files.createDirectories(out.getParent());
                    Files.writeString(out, report);
                    System.out.println("\n===== VAADIN SESSION MEMORY =====\n" + report + "\nWritten to "
                            + out.toAbsolutePath() + "\n");
                    assertThat(gone).as("closed builder tabs whose UI the server dropped").isEqualTo(SESSIONS);
                } finally {
                    heartbeats.shutdownNow();
                }
                assertThat(jar.stop(Duration.ofSeconds(60))).isTrue();
            }
        }
    }

    /** N new signed-in sessions, each with one tab on the route. */
    private static List<VaadinUiSession> openSessions(int count, String route) throws Exception {
        List<VaadinUiSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(VaadinUiSession.open(StaffHttpSession.signIn(PORT, "sam@example.com", PASSWORD), route));
        }
        return sessions;
    }

    private static String report(JvmHeap.Histogram empty, JvmHeap.Histogram withHello, JvmHeap.Histogram withBuilders,
                                 JvmHeap.Histogram released, int gone, Duration waited, String loadBefore,
                                 String loadAfter) throws Exception {
        double helloKb = (withHello.totalBytes() - empty.totalBytes()) / 1024.0 / SESSIONS;
        double builderKb = (withBuilders.totalBytes() - withHello.totalBytes()) / 1024.0 / SESSIONS;
        double leftKb = (released.totalBytes() - withHello.totalBytes()) / 1024.0 / SESSIONS;
        List<String> out = new ArrayList<>();
        out.add("# Vaadin session memory (issue 17 point 1)");
        out.add("");
        out.add(String.format(Locale.ROOT, "Command: `./mvnw -Pbench verify -Dit.test=VaadinSessionMemoryBenchmark` · "
                + "N = %d sessions per route · heartbeat %d s · %s · %s · JDK %s · commit %s · load average before "
                + "`%s`, after `%s`", SESSIONS, HEARTBEAT, HEAP, BenchReport.cpuModel(), Runtime.version(),
                BenchReport.commit(), loadBefore, loadAfter));
        out.add("");
        out.add("Live heap = total of `jcmd <pid> GC.class_histogram` (a full GC first) of the packaged jar. A session is "
                + "a form sign-in plus one tab opened as Vaadin's client does (init, navigation, the grids' first "
                + "rows), heartbeating.");
        out.add("");
        out.add("| state | live heap | per session | target |");
        out.add("|---|---|---|---|");
        out.add(String.format(Locale.ROOT, "| no sessions (after a warm-up session) | %,.1f MB | | |",
                empty.totalBytes() / 1048576.0));
        out.add(String.format(Locale.ROOT, "| + %d sessions on `/hello` (one sentence in the layout) | %,.1f MB | "
                + "**%,.0f kB** | baseline |", SESSIONS, withHello.totalBytes() / 1048576.0, helloKb));
        out.add(String.format(Locale.ROOT, "| + %d sessions on the quote builder (20-line draft) | %,.1f MB | "
                + "**%,.0f kB** (%.1f× the hello session) | ≤ %.0f kB: %s |", SESSIONS,
                withBuilders.totalBytes() / 1048576.0, builderKb, builderKb / helloKb, TARGET_KB,
                builderKb <= TARGET_KB ? "**met**" : "**not met**"));
        out.add(String.format(Locale.ROOT, "| builder tabs closed, %d s later (%d of %d UIs dropped) | %,.1f MB | "
                + "%,.0f kB left per closed-tab session | |", waited.toSeconds(), gone, SESSIONS,
                released.totalBytes() / 1048576.0, leftKb));
        out.add("");
        out.add("Classes that grew most with the builder sessions (per session):");
        out.add("");
        out.add("| class | instances | kB |");
        out.add("|---|---|---|");
        withBuilders.minus(withHello).limit(20).forEach(row -> out.add(String.format(Locale.ROOT,
                "| `%s` | %,.1f | %,.1f |", row.className(), row.instances() / (double) SESSIONS,
                row.bytes() / 1024.0 / SESSIONS)));
        out.add("");
        out.add("Classes that grew most with the hello sessions (per session):");
        out.add("");
        out.add("| class | instances | kB |");
        out.add("|---|---|---|");
        withHello.minus(empty).limit(25).forEach(row -> out.add(String.format(Locale.ROOT,
                "| `%s` | %,.1f | %,.1f |", row.className(), row.instances() / (double) SESSIONS,
                row.bytes() / 1024.0 / SESSIONS)));
        return String.join("\n", out) + "\n";
    }
}
