package com.commercehub.checkout;

import com.commercehub.Application;
import com.commercehub.base.db.SharedTestServer;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.FaultTable;
import com.commercehub.testsupport.ProductionJar;
import com.commercehub.testsupport.StaffOnNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged jar is SIGKILLed in the one moment a checkout is most fragile: the Checkout Session exists at Stripe,
 * its record here is not committed. After a restart on the same database the buyer's next click gets that very
 * session back (the same idempotency key, replayed), pays it once, and the payment is recorded once with its fee.
 */
class CheckoutCrashIT {

    /** Both runs on one port, so the sandbox's webhook endpoint (this server's address) stays the same. */
    private static final int PORT = 19201;
    private static final Pattern REACHED = Pattern.compile(Pattern.quote(CheckoutCrashPoint.REACHED) + "(cs_\\w+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_kill_after_the_session_is_made_and_before_it_is_recorded_leaves_one_session_and_one_payment() throws Exception {
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_checkout_crash");
        try (AutoCloseable lease = database.lease()) {
            Path dataDir = Files.createDirectories(Path.of("target", "checkout-crash", "data-" + UUID.randomUUID()));
            CheckoutTestQuotes.Published quote = publishedQuote(database, dataDir.resolve("secret.key"));
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                    database.password()));
            Map<String, String> env = Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString(),
                    "DB_URL", database.jdbcUrl(), "DB_USER", database.username(), "DB_PASSWORD", database.password());

            String madeBeforeTheCrash;
            long killedAfter;
            try (ProductionJar first = ProductionJar.start(PORT, dataDir.resolveSibling(dataDir.getFileName() + "-first-run.log"), env,
                    List.of("-Xmx512m"), List.of("--hub.test-hooks.pause-after-checkout-session=true")).awaitReady()) {
                long clicked = System.nanoTime();
                CompletableFuture<HttpResponse<String>> click = http.sendAsync(checkout(quote),
                        HttpResponse.BodyHandlers.ofString());
                madeBeforeTheCrash = awaitCrashPoint(first);
                first.kill();
                killedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - clicked);
                assertThatThrownBy(() -> click.get(30, TimeUnit.SECONDS)).as("the buyer's click got no answer")
                        .hasRootCauseInstanceOf(java.io.IOException.class);
            }
            assertThat(sessionsOf(jdbc, quote)).as("sessions at Stripe after the crash").containsExactly(madeBeforeTheCrash);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_checkout WHERE quote = :q AND session_id IS NOT NULL")
                    .param("q", quote.quoteId()).query(Long.class).single()).as("recorded sessions").isZero();
            assertThat(payments(jdbc, quote)).isEmpty();

            try (ProductionJar second = ProductionJar.start(PORT, dataDir.resolveSibling(dataDir.getFileName() + "-second-run.log"), env)
                    .awaitReady()) {
                long restarted = System.nanoTime();
                HttpResponse<String> again = http.send(checkout(quote), HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).isEqualTo(303);
                String page = again.headers().firstValue("Location").orElseThrow();
                assertThat(CheckoutTestQuotes.sessionId(page)).as("the session made before the crash")
                        .isEqualTo(madeBeforeTheCrash);
                assertThat(jdbc.sql("SELECT session_id FROM quote_checkout WHERE quote = :q").param("q", quote.quoteId())
                        .query(String.class).single()).isEqualTo(madeBeforeTheCrash);

                HttpResponse<String> paid = new CheckoutTestQuotes(null, null, null, null, PORT, null)
                        .pay(second.baseUrl() + page, "4242424242424242");
                assertThat(paid.statusCode()).isEqualTo(303);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (payments(jdbc, quote).isEmpty() || payments(jdbc, quote).getFirst().get("net") == null) {
                    assertThat(System.nanoTime()).as("the payment recorded within 60 s").isLessThan(deadline);
                    Thread.sleep(200);
                }
                long recordedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                Thread.sleep(2_000); // late duplicates of the webhook, a reconciler run: nothing may add a row
                List<Map<String, Object>> recorded = payments(jdbc, quote);
                assertThat(recorded).hasSize(1);
                Map<String, Object> payment = recorded.getFirst();
                assertThat(payment.get("status")).isEqualTo("SUCCEEDED");
                assertThat(payment.get("checkout_session_id")).isEqualTo(madeBeforeTheCrash);
                assertThat((BigDecimal) payment.get("gross")).isEqualByComparingTo("1190.00");
                assertThat((BigDecimal) payment.get("fee")).isEqualByComparingTo("34.81");
                assertThat((BigDecimal) payment.get("net")).isEqualByComparingTo("1155.19");
                assertThat(sessionsOf(jdbc, quote)).as("sessions at Stripe").containsExactly(madeBeforeTheCrash);
                // The database is this test's own: whatever the sandbox holds, this checkout made.
                assertThat(objects(jdbc, "payment_intent")).as("payment intents at Stripe").isEqualTo(1);
                assertThat(objects(jdbc, "charge")).as("charges at Stripe").isEqualTo(1);
                FaultTable.write("checkout-crash", "jar SIGKILLed between making the Checkout Session and recording it",
                        String.format(java.util.Locale.ROOT, "killed %d ms after the click; the same session after the "
                                + "restart; paid and recorded %d ms after the restarted jar was ready; 1 payment "
                                + "(gross, fee, net), 1 session, 1 payment intent, 1 charge", killedAfter, recordedAfter),
                        "CheckoutCrashIT");
            }
        }
    }

    private HttpRequest checkout(CheckoutTestQuotes.Published quote) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/quote/" + quote.token() + "/checkout"))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Waits for the hook's log line and answers the session id it names. */
    private static String awaitCrashPoint(ProductionJar jar) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher reached = REACHED.matcher(Files.readString(jar.log()));
            if (reached.find()) {
                return reached.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the checkout never reached the crash point:\n" + jar.tail());
    }

    private static List<String> sessionsOf(JdbcClient jdbc, CheckoutTestQuotes.Published quote) {
        return jdbc.sql("SELECT id FROM sandbox_object WHERE object_type = 'checkout.session' AND body LIKE :ref")
                .param("ref", "%\"client_reference_id\":\"quote-" + quote.quoteId() + "-v" + quote.version() + "\"%")
                .query(String.class).list();
    }

    private static long objects(JdbcClient jdbc, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE object_type = :type").param("type", type)
                .query(Long.class).single();
    }

    private static List<Map<String, Object>> payments(JdbcClient jdbc, CheckoutTestQuotes.Published quote) {
        return jdbc.sql("SELECT status, checkout_session_id, gross, fee, net FROM payment WHERE quote = :q")
                .param("q", quote.quoteId()).query().listOfRows();
    }

    /**
     * The quote is made through the real services of a context on the same database and the same key file, which
     * then closes; it also chooses the sandbox on this port, as the jar will find it.
     */
    private static CheckoutTestQuotes.Published publishedQuote(SharedTestServer.Database database, Path keyFile) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=" + PORT, "--hub.db.url=" + database.jdbcUrl(),
                        "--hub.db.username=" + database.username(), "--hub.db.password=" + database.password(),
                        "--hub.secrets.key-file=" + keyFile.toAbsolutePath(),
                        "--hub.sandbox.webhooks.poll-interval=PT1H")) {
            StaffOnNode.useSecurityOf(context);
            QuoteTestData.staff(context.getBean(UserService.class), "sam@example.com", Role.SALES);
            return StaffOnNode.call(context, "sam@example.com", () -> {
                context.getBean(StripeConnectionService.class).useSandbox();
                return new CheckoutTestQuotes(context.getBean(QuoteService.class), context.getBean(DealService.class),
                        context.getBean(CompanyService.class), context.getBean(ContactService.class), PORT, null)
                        .publish(spec("EUR", List.of(line("Workshop", "1", "1000.00", null, null, "19", false, null))));
            });
        }
    }
}
