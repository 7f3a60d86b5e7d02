package com.commercehub.buyer;

import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.product.ProductService;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.Wrk;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: a measuring harness for issue 9's figures, run with
 * {@code ./mvnw -B -Pbench verify -Dit.test=BuyerPageBenchmark}. Starts the app on a random loopback port (its
 * own database, the rate limit raised), publishes a 20-line quote with a discount, a fee, taxes, comments, terms,
 * a required signature and payment on, then measures the buyer page with {@code wrk -t1 -c16 -d10s} (apt
 * {@code wrk}), the PDF's render time, and the heap and sessions that 1,000 page views leave behind. Counts the SQL
 * statements each page view runs on the request thread (see {@link SqlCounter}) and the bytes it allocates.
 * Asserts only sanity. Writes target/bench/buyer-page.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.db.database=hub_bench_buyer", "hub.buyer.requests-per-minute=100000000", "hub.db.pool-size=20",
        "server.address=127.0.0.1", "server.tomcat.mbeanregistry.enabled=true"})
@ActiveProfiles("test")
@Import(BuyerPageBenchmark.SqlCounter.Config.class)
class BuyerPageBenchmark {

    private static final int VIEWS = 1_000;
    private static final int PDF_WARMUP = 15;
    private static final int PDF_RUNS = 50;
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    @LocalServerPort
    int port;
    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteLifecycle lifecycle;
    @Autowired
    QuotePages pages;
    @Autowired
    QuotePdf quotePdf;
    @Autowired
    BuyerTemplates templates;
    @Autowired
    SellerProfile seller;
    @Autowired
    DealService deals;
    @Autowired
    ProductService products;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        String wrk = wrkExecutable();
        String loadBefore = loadAverage();
        QuoteService.Published published = TwentyLineQuote.publish(jdbc, users, stripe, companies, contacts, deals, products,
                quotes);
        long quoteId = published.quote().id();
        String path = published.linkPath();
        BuyerPages buyer = new BuyerPages(port);

        HttpResponse<String> first = buyer.get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("signature-pad", "Check out", "Line 20");
        assertThat(first.headers().allValues("Set-Cookie")).as("no cookie, so no session").isEmpty();
        int pageBytes = first.body().getBytes(StandardCharsets.UTF_8).length;
        Sessions sessionsAtStart = sessions();

        line("# Buyer page benchmark");
        line("");
        line(String.format(Locale.ROOT, "Machine: %d cores (nproc %s), %s %s, max heap %d MB. Load average before: %s.",
                Runtime.getRuntime().availableProcessors(), command("nproc").strip(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadBefore));
        line(String.format(Locale.ROOT, "Quote: 20 lines (12 one-time, 8 monthly; 8 from the library with descriptions), "
                + "10 %% quote discount, a fee, 19 %%/7 %% taxes, comments, terms, signature (pad on the page) and payment "
                + "on. Page: %,d bytes of HTML.", pageBytes));
        throughput(wrk, path);
        perView(buyer, path);
        pdf(buyer, path);
        heap(buyer, path);

        Sessions sessionsAtEnd = sessions();
        line("");
        line("## Sessions and tracking");
        line(String.format(Locale.ROOT, "- Tomcat sessions: %d active, %d created since start (%d at the first view)",
                sessionsAtEnd.active(), sessionsAtEnd.created(), sessionsAtStart.created()));
        long viewedEvents = jdbc.sql("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = 'VIEWED'")
                .param("q", quoteId).query(Long.class).single();
        long viewedMails = jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'quote.viewed'")
                .query(Long.class).single();
        line(String.format(Locale.ROOT, "- VIEWED events after all views: %d; 'was viewed' emails: %d", viewedEvents,
                viewedMails));
        line("- load average after: " + loadAverage());
        assertThat(sessionsAtEnd.created()).as("no session per view").isEqualTo(sessionsAtStart.created());
        assertThat(sessionsAtEnd.active()).isZero();
        assertThat(viewedEvents).isEqualTo(1);
        assertThat(viewedMails).isEqualTo(1);

        String text = String.join("\n", report) + "\n";
        Path out = Path.of("target", "bench", "buyer-page.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n===== BUYER PAGE BENCHMARK =====\n" + text + "================================\n");
    }

    /** Every counted view of the current version writes once, on the first view only: later GETs only read. */
    private void perView(BuyerPages buyer, String path) throws Exception {
        SqlCounter.start();
        long[] threadsBefore = SqlCounter.requestThreadUsage();
        for (int i = 0; i < 100; i++) {
            assertThat(buyer.get(path).statusCode()).isEqualTo(200);
        }
        long[] threadsAfter = SqlCounter.requestThreadUsage();
        long allocatedPerView = (threadsAfter[0] - threadsBefore[0]) / 100;
        double cpuMsPerView = (threadsAfter[1] - threadsBefore[1]) / 100 / 1e6;
        SqlCounter.Snapshot perView = SqlCounter.stop();
        assertThat(perView.writes()).as("repeated views write nothing").isZero();

        line("");
        line("## Per page view (100 sequential GETs with a browser User-Agent, after the wrk runs)");
        line(String.format(Locale.ROOT, "- SQL statements on the request thread: %.1f per view (%d writes in total), "
                + "%.1f commits per view", perView.total() / 100.0, perView.writes(), perView.commits() / 100.0));
        perView.bySql().forEach((sql, count) -> line(String.format(Locale.ROOT, "  - %.1f × `%s`", count / 100.0,
                sql.length() > 160 ? sql.substring(0, 160) + "…" : sql)));
        line(String.format(Locale.ROOT, "- on the request threads: %.2f ms CPU and %,d KB allocated per view", cpuMsPerView,
                allocatedPerView >> 10));

        // The floor: Tomcat, the filters and MVC around a tiny page (an unknown link: one SELECT, a short template).
        String unknown = "/quote/" + "A".repeat(43);
        for (int i = 0; i < 100; i++) {
            assertThat(buyer.get(unknown).statusCode()).isEqualTo(404);
        }
        long[] floorBefore = SqlCounter.requestThreadUsage();
        for (int i = 0; i < 100; i++) {
            buyer.get(unknown);
        }
        long[] floorAfter = SqlCounter.requestThreadUsage();
        line(String.format(Locale.ROOT, "- for comparison, the unknown-link 404 page: %.2f ms CPU and %,d KB per request",
                (floorAfter[1] - floorBefore[1]) / 100 / 1e6, (floorAfter[0] - floorBefore[0]) / 100 >> 10));

        // Where the page's CPU goes: the same three steps as the controller, called directly (CPU of this thread).
        String token = path.substring(path.lastIndexOf('/') + 1);
        var paths = new QuotePage.Paths(path, path + "/pdf", path + "/sign", path + "/checkout");
        var form = new QuotePage.SignForm(true, "", "", false, Map.of());
        var quote = lifecycle.openByBuyer(token, false).orElseThrow();
        QuotePage page = pages.page(quote, QuotePage.Mode.PAGE, form, paths);
        String lookUp = cost(() -> lifecycle.openByBuyer(token, false));
        String model = cost(() -> pages.page(quote, QuotePage.Mode.PAGE, form, paths));
        String render = cost(() -> templates.render("quote", Locale.ENGLISH, Map.of("page", page, "base", "")));
        String sellerName = cost(seller::current);
        line("- of which, called directly (CPU and allocation per call): look-up in a transaction " + lookUp
                + "; page model (formatting) " + model + ", including the seller's name from the Stripe connection "
                + sellerName + "; Thymeleaf render " + render);
    }

    private static String cost(Runnable step) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            step.run();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200; i++) {
            step.run();
        }
        return String.format(Locale.ROOT, "%.2f ms / %,d KB", (threads.getCurrentThreadCpuTime() - cpu) / 200 / 1e6,
                (threads.getCurrentThreadAllocatedBytes() - allocated) / 200 >> 10);
    }

    private void throughput(String wrk, String path) throws Exception {
        String url = "http://127.0.0.1:" + port + path;
        List<String> args = List.of(wrk, "-t1", "-c16", "-d10s", "--latency", "-H", "User-Agent: " + BuyerPages.BROWSER,
                "-H", "Accept-Language: en", url);
        List<String> warmUp = new ArrayList<>(args);
        warmUp.set(3, "-d5s");
        command(warmUp.toArray(String[]::new));
        SqlCounter.start();
        long[] threadsBefore = SqlCounter.requestThreadUsage();
        String output = command(args.toArray(String[]::new));
        long[] threadsAfter = SqlCounter.requestThreadUsage();
        SqlCounter.Snapshot load = SqlCounter.stop();

        Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
        Matcher total = Pattern.compile("(\\d+) requests in ([\\d.]+\\w+)").matcher(output);
        assertThat(rate.find() && total.find()).as("wrk output:\n" + output).isTrue();
        assertThat(output).as("every response 2xx").doesNotContain("Non-2xx");
        double perSecond = Double.parseDouble(rate.group(1));
        long requests = Long.parseLong(total.group(1));
        assertThat(perSecond).isPositive();
        line("");
        line("## Throughput: `wrk -t1 -c16 -d10s --latency` (after a 5 s warm-up run), loopback");
        line(String.format(Locale.ROOT, "- %.0f requests/s (%,d requests in %s)", perSecond, requests, total.group(2)));
        Matcher percentile = PERCENTILE.matcher(output);
        StringBuilder latency = new StringBuilder("- latency");
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            double ms = Wrk.millis(value, percentile.group(3));
            latency.append(String.format(Locale.ROOT, " p%s %.2f ms", percentile.group(1), ms));
        }
        line(latency.toString());
        Matcher errors = Pattern.compile("Socket errors: (.*)").matcher(output);
        line("- socket errors: " + (errors.find() ? errors.group(1) : "none"));
        line(String.format(Locale.ROOT, "- SQL statements per request under load: %.2f, writes: %d",
                (double) load.total() / requests, load.writes()));
        line(String.format(Locale.ROOT, "- request-thread CPU per request under load: %.2f ms",
                (threadsAfter[1] - threadsBefore[1]) / 1e6 / requests));
        line("");
        line("```");
        line(output.strip());
        line("```");
        assertThat(load.writes()).isZero();
    }

    private void pdf(BuyerPages buyer, String path) throws Exception {
        // The renderer alone too, without the HTTP round trip and the quote's look-up; interleaved with the
        // endpoint so that both see the same JIT state and the same load from other processes.
        String token = path.substring(path.lastIndexOf('/') + 1);
        QuotePage page = pages.page(lifecycle.openByBuyer(token, false).orElseThrow(), QuotePage.Mode.PDF,
                QuotePage.SignForm.hidden(), new QuotePage.Paths(path, path + "/pdf", path + "/sign", path + "/checkout"));
        var threads = ManagementFactory.getThreadMXBean();
        byte[] bytes = null;
        double[] endpoint = new double[PDF_RUNS];
        double[] direct = new double[PDF_RUNS];
        double[] directCpu = new double[PDF_RUNS];
        for (int i = 0; i < PDF_WARMUP + PDF_RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = buyer.bytes(path + "/pdf");
            long nanos = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            bytes = response.body();
            long cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            assertThat(quotePdf.render(page).length).isPositive();
            if (i >= PDF_WARMUP) {
                direct[i - PDF_WARMUP] = (System.nanoTime() - start) / 1e6;
                directCpu[i - PDF_WARMUP] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                endpoint[i - PDF_WARMUP] = nanos / 1e6;
            }
        }
        int pageCount;
        try (var document = Loader.loadPDF(bytes)) {
            pageCount = document.getNumberOfPages();
        }
        Arrays.sort(endpoint);
        Arrays.sort(direct);
        Arrays.sort(directCpu);
        line("");
        line(String.format(Locale.ROOT, "## PDF of the 20-line quote (%d runs after %d warm-up, sequential)", PDF_RUNS,
                PDF_WARMUP));
        line(String.format(Locale.ROOT, "- GET /quote/<token>/pdf: median %.1f ms, p95 %.1f ms, max %.1f ms",
                endpoint[PDF_RUNS / 2], endpoint[(int) (PDF_RUNS * 0.95)], endpoint[PDF_RUNS - 1]));
        line(String.format(Locale.ROOT, "- QuotePdf.render alone: median %.1f ms, p95 %.1f ms (CPU median %.1f ms)",
                direct[PDF_RUNS / 2], direct[(int) (PDF_RUNS * 0.95)], directCpu[PDF_RUNS / 2]));
        line(String.format(Locale.ROOT, "- size %,d bytes (%d KB), %d pages, fonts embedded", bytes.length,
                bytes.length >> 10, pageCount));
        assertThat(bytes.length).isPositive();
    }

    private void heap(BuyerPages buyer, String path) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        line("");
        line(String.format(Locale.ROOT, "## Heap left behind by %,d page views (used heap after System.gc(), %s)",
                VIEWS, ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()));
        for (int round = 1; round <= 2; round++) {
            long before = usedHeapAfterGc(memory);
            Sessions sessionsBefore = sessions();
            for (int i = 0; i < VIEWS; i++) {
                HttpResponse<String> response = buyer.get(path);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            }
            long after = usedHeapAfterGc(memory);
            Sessions sessionsAfter = sessions();
            line(String.format(Locale.ROOT, "- round %d: %,d KB → %,d KB, difference %+,d KB (%+.2f KB per view); "
                            + "sessions created %d, active %d", round, before >> 10, after >> 10, (after - before) >> 10,
                    (after - before) / 1024.0 / VIEWS, sessionsAfter.created() - sessionsBefore.created(),
                    sessionsAfter.active()));
            assertThat(sessionsAfter.created()).isEqualTo(sessionsBefore.created());
        }
    }

    private static long usedHeapAfterGc(java.lang.management.MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private record Sessions(long active, long created) {
    }

    /** Tomcat's session managers over JMX: domain "Tomcat" when embedded, registered by {@code mbeanregistry.enabled}. */
    private static Sessions sessions() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> managers = server.queryNames(new ObjectName("*:type=Manager,*"), null);
        assertThat(managers).as("Tomcat's session manager MBean").isNotEmpty();
        long active = 0;
        long created = 0;
        for (ObjectName manager : managers) {
            active += ((Number) server.getAttribute(manager, "activeSessions")).longValue();
            created += ((Number) server.getAttribute(manager, "sessionCounter")).longValue();
        }
        return new Sessions(active, created);
    }

    private static String wrkExecutable() {
        return Wrk.executable();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static String command(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    private void line(String text) {
        report.add(text);
    }

    /**
     * Counts the SQL that Tomcat's request threads run while {@link #start()}ed: the data source is wrapped in
     * JDK proxies that note each statement's text (so an N+1 shows as one text counted many times per view).
     */
    static final class SqlCounter {

        private static final Pattern WRITE = Pattern.compile("^\\s*(insert|update|delete|replace)\\b",
                Pattern.CASE_INSENSITIVE);
        private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
        private static final LongAdder COMMITS = new LongAdder();
        private static volatile boolean counting;

        record Snapshot(Map<String, Long> bySql, long commits) {
            long total() {
                return bySql.values().stream().mapToLong(Long::longValue).sum();
            }

            long writes() {
                return bySql.entrySet().stream().filter(e -> WRITE.matcher(e.getKey()).find())
                        .mapToLong(Map.Entry::getValue).sum();
            }
        }

        static void start() {
            BY_SQL.clear();
            COMMITS.reset();
            counting = true;
        }

        static Snapshot stop() {
            counting = false;
            Map<String, Long> bySql = new TreeMap<>();
            BY_SQL.forEach((sql, count) -> bySql.put(sql, count.sum()));
            return new Snapshot(bySql, COMMITS.sum());
        }

        private static boolean requestThread() {
            return counting && Thread.currentThread().getName().startsWith("http-nio");
        }

        /** Bytes allocated and CPU nanoseconds used so far by the live request threads (HotSpot's counters). */
        static long[] requestThreadUsage() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("http-nio")).mapToLong(Thread::threadId).toArray();
            long cpu = Arrays.stream(ids).map(threads::getThreadCpuTime).filter(n -> n > 0).sum();
            return new long[] {Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum(), cpu};
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Config {
            @Bean
            static BeanPostProcessor countingDataSource() {
                return new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource dataSource
                                ? proxy(dataSource, new Class<?>[] {DataSource.class, Closeable.class}) : bean;
                    }
                };
            }
        }

        private static Object proxy(Object target, Class<?>[] interfaces) {
            return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), interfaces, (self, method, args) -> {
                String name = method.getName();
                if (args != null && args.length > 0 && args[0] instanceof String sql && requestThread()
                        && (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch"))) {
                    BY_SQL.computeIfAbsent(sql.replaceAll("\\s+", " ").strip(), k -> new LongAdder()).increment();
                }
                if (name.equals("commit") && requestThread()) {
                    COMMITS.increment();
                }
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof Connection connection && name.equals("getConnection")) {
                    return proxy(connection, new Class<?>[] {Connection.class});
                }
                if (result instanceof Statement statement && !(result instanceof PreparedStatement)
                        && name.equals("createStatement")) {
                    return proxy(statement, new Class<?>[] {Statement.class});
                }
                return result;
            });
        }
    }
}
