package com.commercehub.stripe;

import com.commercehub.Application;
import com.commercehub.automation.Conditions;
import com.commercehub.automation.Delay;
import com.commercehub.automation.Trigger;
import com.commercehub.automation.WorkflowAction;
import com.commercehub.automation.WorkflowDetails;
import com.commercehub.automation.WorkflowDraft;
import com.commercehub.automation.WorkflowService;
import com.commercehub.base.db.SharedTestServer;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.FaultTable;
import com.commercehub.testsupport.StaffOnNode;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes on one database under load at once: buyers pay quotes through both nodes; a burst of 500 events
 * (and every event the sandbox made for the payments) is delivered to each node, in a different order, from 16
 * senders; both nodes run workflow steps and quote expiry. Every event is stored and handled once, every payment
 * recorded once, every workflow step run once, every quote expired once.
 */
class TwoNodesUnderLoadIT {

    private static final int BURST = Integer.getInteger("twonodes.burst", 500);
    private static final int PAID_QUOTES = 20;
    private static final int EXPIRING_QUOTES = 12;
    private static final String OPS = "ops@nodes-load.example";

    private static SharedTestServer.Database database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    /** Handles {@code test.load}: one row per run, in the event's transaction, naming the node that ran it. */
    static class LoadHandler implements StripeEventHandler {

        private final JdbcClient jdbc;
        private final String node;

        LoadHandler(JdbcClient jdbc, @Value("${test.node}") String node) {
            this.jdbc = jdbc;
            this.node = node;
            jdbc.sql("CREATE TABLE IF NOT EXISTS test_load_effect (event_id VARCHAR(255) NOT NULL, node VARCHAR(20) NOT NULL) "
                    + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4").update();
        }

        @Override
        public boolean handles(String type) {
            return type.equals("test.load");
        }

        @Override
        public void handle(StripeEventEnvelope event) {
            jdbc.sql("INSERT INTO test_load_effect (event_id, node) VALUES (:id, :node)").param("id", event.id())
                    .param("node", node).update();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(Application.class, LoadHandler.class).profiles("test").run(
                "--server.port=0", "--hub.db.url=" + database.jdbcUrl(),
                "--hub.db.username=" + database.username(), "--hub.db.password=" + database.password(),
                "--test.node=" + name,
                "--hub.secrets.key-file=target/test-data/nodes-load/secret.key",
                "--hub.quotes.expiry-check=PT0.2S", "--hub.sandbox.settlement-check=PT0.2S",
                "--hub.sandbox.webhooks.poll-interval=PT0.05S", "--hub.stripe.events.sweep-interval=PT0.5S",
                "--hub.automation.poll-interval=PT0.2S", "--hub.automation.initial-delay=PT0.5S");
    }

    @BeforeAll
    static void startTwoNodes() {
        // A database of their own: the counts below are of everything in it.
        database = SharedTestServer.freshDatabase("hub_nodes_load");
        first = node("first");
        second = node("second");
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.lease().close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static JdbcClient jdbc() {
        return first.getBean(JdbcClient.class);
    }

    private static <T> T asStaff(ConfigurableApplicationContext node, Supplier<T> work) {
        return StaffOnNode.call(node, "sam@example.com", work);
    }

    private record Published(long quoteId, String token, String email) {
    }

    /** A one-line EUR quote (1,000 + 19 %) for a buyer of its own, published on {@code node}. */
    private static Published publish(ConfigurableApplicationContext node) {
        return asStaff(node, () -> {
            String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@nodes-load.example";
            long company = node.getBean(CompanyService.class).create(new CompanyDraft("Load " + email, null, null, "DE")).id();
            long contact = node.getBean(ContactService.class).create(new ContactDraft("Erika", "Load", email, company,
                    Locale.ENGLISH)).id();
            DealService deals = node.getBean(DealService.class);
            DealDetails deal = deals.create(new DealDraft("Load", null, DealStage.PROPOSAL, Currency.getInstance("EUR"),
                    company, Set.of(contact), null));
            deal = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Workshop", null, BigDecimal.ONE,
                    new BigDecimal("1000.00"), null, null, new BigDecimal("19"), false, null, null));
            QuoteService quotes = node.getBean(QuoteService.class);
            QuoteDetails quote = quotes.createFromDeal(deal.id());
            quote = quotes.setCollectPayment(quote.id(), quote.version(), true);
            QuoteService.Published published = quotes.publish(quote.id(), quote.version());
            return new Published(quote.id(), published.linkPath().substring("/quote/".length()), email);
        });
    }

    private static void workflow(WorkflowDraft draft) {
        asStaff(first, () -> {
            WorkflowService workflows = first.getBean(WorkflowService.class);
            WorkflowDetails made = workflows.create(draft);
            return workflows.setActive(made.id(), made.version(), true, false);
        });
    }

    /** The buyer's click on *Check out* on one node and payment on the hosted page of the other. */
    private static void pay(Published quote, ConfigurableApplicationContext clickedOn, ConfigurableApplicationContext paidOn)
            throws Exception {
        HttpResponse<String> checkout = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(clickedOn)
                + "/quote/" + quote.token() + "/checkout")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(303);
        String page = checkout.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(paidOn) + page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(quote.email(), StandardCharsets.UTF_8)
                        + "&name=Erika&card=4242424242424242")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(303);
    }

    private static int deliver(ConfigurableApplicationContext node, String secret, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + "/stripe/webhook"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body, secret))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every body to both nodes, each node in its own shuffled order; answers every status seen. */
    private static List<Integer> toBothNodes(ExecutorService senders, String secret, List<String> bodies, long seed)
            throws Exception {
        List<Callable<Integer>> work = new ArrayList<>();
        List<String> forFirst = new ArrayList<>(bodies);
        List<String> forSecond = new ArrayList<>(bodies);
        Collections.shuffle(forFirst, new Random(seed));
        Collections.shuffle(forSecond, new Random(seed + 1));
        for (int i = 0; i < bodies.size(); i++) {
            String a = forFirst.get(i);
            String b = forSecond.get(i);
            work.add(() -> deliver(first, secret, a));
            work.add(() -> deliver(second, secret, b));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : senders.invokeAll(work)) {
            statuses.add(answer.get(120, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private static long count(String sql, Map<String, ?> params) {
        var statement = jdbc().sql(sql);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query(Long.class).single();
    }

    private static void await(String what, int seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void payments_events_workflow_steps_and_expiries_under_load_on_two_nodes_each_happen_once() throws Exception {
        QuoteTestData.clear(jdbc());
        jdbc().sql("DELETE FROM workflow").update();
        jdbc().sql("DELETE FROM email_outbox").update();
        asStaff(first, () -> {
            QuoteTestData.staff(first.getBean(UserService.class), "sam@example.com", Role.SALES);
            return null;
        });
        workflow(new WorkflowDraft("Thanks at once", Trigger.PAYMENT_SUCCEEDED, Conditions.NONE, Delay.NONE,
                List.of(WorkflowAction.email(WorkflowAction.Recipient.BUYER, null, WorkflowAction.EmailTemplate.CUSTOM,
                        "Thanks {{customer.name}}", "We got {{amount}}."))));
        workflow(new WorkflowDraft("Tell ops of every quote", Trigger.QUOTE_PUBLISHED, Conditions.NONE, Delay.NONE,
                List.of(WorkflowAction.email(WorkflowAction.Recipient.FIXED, OPS, WorkflowAction.EmailTemplate.CUSTOM,
                        "Published {{record}}", "{{record}} is out."))));
        List<Published> toPay = new ArrayList<>();
        List<Published> toExpire = new ArrayList<>();
        for (int i = 0; i < PAID_QUOTES; i++) {
            toPay.add(publish(i % 2 == 0 ? first : second));
        }
        for (int i = 0; i < EXPIRING_QUOTES; i++) {
            toExpire.add(publish(i % 2 == 0 ? second : first));
        }
        // Their "tell ops" steps run at once; done before the load, so no payment or expiry unenrols one meanwhile.
        await("the published quotes' steps done", 60, () -> count("SELECT COUNT(*) FROM automation_step "
                + "WHERE status = 'DONE'", Map.of()) == PAID_QUOTES + EXPIRING_QUOTES);
        String secret = first.getBean(StripeConnections.class).webhookSecret().orElseThrow();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add("{\"id\":\"evt_load_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                    + "\"api_version\":\"2026-07-29.dahlia\",\"created\":" + Instant.now().getEpochSecond()
                    + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"test.load\",\"data\":{\"object\":"
                    + "{\"id\":\"ch_load" + i + "\",\"object\":\"charge\"}}}");
        }

        ExecutorService senders = Executors.newFixedThreadPool(16);
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            List<Future<?>> payments = new ArrayList<>();
            for (int i = 0; i < toPay.size(); i++) {
                Published quote = toPay.get(i);
                boolean odd = i % 2 == 1;
                payments.add(buyers.submit(() -> {
                    pay(quote, odd ? second : first, odd ? first : second);
                    return null;
                }));
            }
            jdbc().sql("UPDATE quote SET expires_on = :past WHERE id IN (:ids)")
                    .param("past", Date.valueOf(first.getBean(BusinessCalendar.class).today().minusDays(1)))
                    .param("ids", toExpire.stream().map(Published::quoteId).toList()).update();
            List<Future<Integer>> expiries = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(first, second, first, second)) {
                expiries.add(buyers.submit(() -> node.getBean(QuoteLifecycle.class).expireDue()));
            }
            assertThat(toBothNodes(senders, secret, burst, 17)).as("answers to the burst").containsOnly(200);
            for (Future<?> payment : payments) {
                payment.get(120, TimeUnit.SECONDS);
            }
            for (Future<Integer> expiry : expiries) {
                expiry.get(120, TimeUnit.SECONDS);
            }
            List<Long> paidIds = toPay.stream().map(Published::quoteId).toList();
            await("every payment recorded", 120, () -> count("SELECT COUNT(*) FROM payment WHERE quote IN (:ids) "
                    + "AND net IS NOT NULL", Map.of("ids", paidIds)) >= PAID_QUOTES);
            // Stripe's own events for the payments, again, to both nodes, shuffled: retries and duplicates.
            List<String> sandboxEvents = jdbc().sql("SELECT body FROM sandbox_object WHERE object_type = 'event'")
                    .query(String.class).list();
            assertThat(toBothNodes(senders, secret, sandboxEvents, 23)).as("answers to the redeliveries").containsOnly(200);

            List<String> burstIds = burst.stream().map(b -> json.readTree(b).get("id").asText()).toList();
            List<String> allIds = new ArrayList<>(burstIds);
            sandboxEvents.forEach(b -> allIds.add(json.readTree(b).get("id").asText()));
            await("every event processed", 180, () -> count("SELECT COUNT(*) FROM stripe_event WHERE state IN "
                    + "('PROCESSED', 'IGNORED') AND id IN (:ids)", Map.of("ids", allIds)) == allIds.size());
            await("every workflow step done", 120, () -> count("SELECT COUNT(*) FROM automation_step WHERE status = 'DONE'",
                    Map.of()) == PAID_QUOTES + PAID_QUOTES + EXPIRING_QUOTES);
            await("every quote expired", 60, () -> count("SELECT COUNT(*) FROM quote WHERE status = 'EXPIRED' AND id IN (:ids)",
                    Map.of("ids", toExpire.stream().map(Published::quoteId).toList())) == EXPIRING_QUOTES);
            long settled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Thread.sleep(2_000); // both nodes keep polling and sweeping: nothing more may happen

            assertThat(count("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids)", Map.of("ids", allIds)))
                    .as("events stored").isEqualTo(allIds.size());
            Map<String, Long> effects = new HashMap<>();
            Map<String, Long> byNode = new HashMap<>();
            jdbc().sql("SELECT event_id, COUNT(*) FROM test_load_effect GROUP BY event_id")
                    .query((java.sql.ResultSet rs) -> {
                        effects.put(rs.getString(1), rs.getLong(2));
                    });
            jdbc().sql("SELECT node, COUNT(*) FROM test_load_effect GROUP BY node")
                    .query((java.sql.ResultSet rs) -> {
                        byNode.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(effects.keySet()).as("burst events handled").containsExactlyInAnyOrderElementsOf(burstIds);
            assertThat(effects.values()).as("handler runs per burst event").containsOnly(1L);
            for (Published quote : toPay) {
                Map<String, Long> once = Map.of(
                        "payments", count("SELECT COUNT(*) FROM payment WHERE quote = :q", Map.of("q", quote.quoteId())),
                        "PAID events", count("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = 'PAID'",
                                Map.of("q", quote.quoteId())),
                        "workflow e-mails", count("SELECT COUNT(*) FROM email_outbox WHERE kind = 'automation.workflow' "
                                + "AND recipient = :r", Map.of("r", quote.email())));
                assertThat(once).as("quote " + quote.quoteId()).containsOnly(
                        Map.entry("payments", 1L), Map.entry("PAID events", 1L),
                        Map.entry("workflow e-mails", 1L));
            }
            assertThat(count("SELECT COUNT(*) FROM email_outbox WHERE kind = 'quote.paid'", Map.of()))
                    .as("'quote paid' e-mails to the owner").isEqualTo(PAID_QUOTES);
            assertThat(count("SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'charge'", Map.of()))
                    .as("charges at Stripe").isEqualTo(PAID_QUOTES);
            assertThat(count("SELECT COUNT(*) FROM email_outbox WHERE recipient = :r", Map.of("r", OPS)))
                    .as("ops e-mails, one per published quote").isEqualTo(PAID_QUOTES + EXPIRING_QUOTES);
            for (Published quote : toExpire) {
                assertThat(count("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = 'EXPIRED'",
                        Map.of("q", quote.quoteId()))).as("EXPIRED events of " + quote.quoteId()).isEqualTo(1);
            }
            FaultTable.write("two-nodes-under-load", "two nodes on one database under load",
                    String.format(java.util.Locale.ROOT, "%d burst events + %d sandbox events, each to both nodes "
                            + "(%d deliveries); %d payments, %d workflow steps (the payments' %d during the load), "
                            + "%d expiries, each once; all settled in %d ms; burst handled by node: %s", BURST,
                    sandboxEvents.size(), 2 * (BURST + sandboxEvents.size()), PAID_QUOTES, 2 * PAID_QUOTES + EXPIRING_QUOTES,
                    PAID_QUOTES, EXPIRING_QUOTES, settled, byNode), "TwoNodesUnderLoadIT");
        } finally {
            senders.shutdownNow();
            buyers.shutdownNow();
        }
    }
}
