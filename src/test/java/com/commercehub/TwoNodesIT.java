package com.commercehub;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxAccountService;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeClientFactory;
import com.commercehub.testsupport.StaffOnNode;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes (two application contexts on their own ports, as two machines behind a load balancer) on one
 * database, with every poller set to a fraction of a second so that they race: quote expiry, the sandbox's webhook
 * delivery and the sandbox's due work each happen once.
 */
class TwoNodesIT {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static HttpServer receiver;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static final JsonMapper json = JsonMapper.builder().build();

    /** One node; both share the database and — as every node must — the key file. */
    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(Application.class).profiles("test").run(
                "--server.port=0", "--hub.db.database=hub_nodes",
                "--hub.secrets.key-file=target/test-data/nodes/secret.key",
                "--hub.quotes.expiry-check=PT0.2S", "--hub.sandbox.settlement-check=PT0.2S",
                "--hub.sandbox.webhooks.poll-interval=PT0.05S", "--hub.stripe.events.sweep-interval=PT0.5S");
    }

    @BeforeAll
    static void startTwoNodesAndAWebhookReceiver() throws Exception {
        first = node();
        second = node();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/stripe/webhook", exchange -> {
            received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        // A second endpoint beside the app's own: it counts every delivery, whichever node sends it.
        stripe(first).v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.INVOICE__OVERDUE).build());
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static StripeClient stripe(ConfigurableApplicationContext node) {
        return node.getBean(StripeClientFactory.class).client();
    }

    private static JdbcClient jdbc() {
        return first.getBean(JdbcClient.class);
    }

    private static void useSecurityOf(ConfigurableApplicationContext node) {
        StaffOnNode.useSecurityOf(node);
    }

    private static <T> T asStaff(ConfigurableApplicationContext node, Supplier<T> work) {
        return StaffOnNode.call(node, "sam@example.com", work);
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long receivedFor(String type, String objectId) {
        return received.stream().filter(e -> type.equals(e.get("type").asText())
                && objectId.equals(e.get("data").get("object").get("id").asText())).count();
    }

    @Test
    void each_sandbox_event_is_delivered_once_and_stored_and_processed_once_by_the_app() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            for (ConfigurableApplicationContext node : List.of(first, second)) {
                Customer customer = stripe(node).v1().customers().create(CustomerCreateParams.builder()
                        .setEmail("buyer" + i + "@nodes.example").build());
                customers.add(customer.getId());
            }
        }
        await("every customer.created at the receiver",
                () -> customers.stream().allMatch(c -> receivedFor("customer.created", c) > 0));
        // Both nodes keep polling; nothing more may arrive.
        Thread.sleep(1_000);
        assertThat(customers).allSatisfy(c -> assertThat(receivedFor("customer.created", c)).as(c).isEqualTo(1));

        // The app's side: an account.updated event, which the app processes (it re-reads the account).
        asStaff(second, () -> {
            second.getBean(SandboxAccountService.class).simulate(SandboxAccountService.AccountState.PENDING_VERIFICATION);
            return null;
        });
        String event = jdbc().sql("SELECT body FROM sandbox_object WHERE object_type = 'event' "
                + "AND body LIKE '%\"account.updated\"%' ORDER BY seq DESC LIMIT 1").query(String.class).single();
        String id = json.readTree(event).get("id").asText();
        assertThat(json.readTree(event).get("type").asText()).isEqualTo("account.updated");
        await("the account.updated event processed", () -> jdbc().sql(
                        "SELECT COUNT(*) FROM stripe_event WHERE id = :id AND state = 'PROCESSED'")
                .param("id", id).query(Integer.class).single() == 1);
        Thread.sleep(1_000);
        Map<String, Object> stored = jdbc().sql("SELECT COUNT(*) AS copies, MAX(attempts) AS attempts FROM stripe_event "
                + "WHERE id = :id").param("id", id).query().singleRow();
        assertThat(((Number) stored.get("copies")).intValue()).as("stored").isEqualTo(1);
        assertThat(((Number) stored.get("attempts")).intValue()).as("processed").isEqualTo(1);
        assertThat(jdbc().sql("SELECT attempts FROM sandbox_delivery WHERE event_id = :id").param("id", id)
                .query(Integer.class).list()).as("deliveries of the event, one per endpoint").containsOnly(1);
    }

    @Test
    void every_overdue_quote_expires_once_while_both_nodes_check() throws Exception {
        var users = first.getBean(UserService.class);
        QuoteTestData.clear(jdbc());
        useSecurityOf(first);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        List<Long> ids = asStaff(first, () -> {
            var buyer = QuoteTestData.buyer(first.getBean(CompanyService.class), first.getBean(ContactService.class),
                    Locale.ENGLISH);
            long deal = QuoteTestData.dealWithLines(first.getBean(DealService.class), buyer).id();
            QuoteService quotes = first.getBean(QuoteService.class);
            List<Long> made = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                QuoteDetails draft = quotes.createFromDeal(deal);
                made.add(quotes.publish(draft.id(), draft.version()).quote().id());
            }
            return made;
        });
        jdbc().sql("UPDATE quote SET expires_on = :past WHERE id IN (:ids)")
                .param("past", Date.valueOf(first.getBean(BusinessCalendar.class).today().minusDays(1)))
                .param("ids", ids).update();
        // Besides both nodes' schedules, each node's expiry is also started at once from several threads.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(first, second, first, second)) {
                runs.add(pool.submit(() -> node.getBean(QuoteLifecycle.class).expireDue()));
            }
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        await("every quote expired", () -> jdbc().sql("SELECT COUNT(*) FROM quote WHERE id IN (:ids) AND status = 'EXPIRED'")
                .param("ids", ids).query(Integer.class).single() == ids.size());
        Thread.sleep(600);
        Map<Long, Integer> expiries = new ConcurrentHashMap<>();
        jdbc().sql("SELECT quote, COUNT(*) FROM quote_event WHERE quote IN (:ids) AND status = 'EXPIRED' GROUP BY quote")
                .param("ids", ids).query((java.sql.ResultSet rs) -> {
                    expiries.put(rs.getLong(1), rs.getInt(2));
                });
        assertThat(expiries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(expiries.values()).as("EXPIRED events per quote").containsOnly(1);
    }

    @Test
    void an_invoice_past_its_due_date_is_flagged_overdue_once_while_both_nodes_run_the_due_work() throws Exception {
        StripeClient stripe = stripe(first);
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setEmail("ap" + i + "@nodes.example").build());
            stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                    .setCurrency("eur").setAmount(10_000L + i).build());
            Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                    .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(1L)
                    .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
            invoices.add(stripe.v1().invoices().finalizeInvoice(draft.getId()).getId());
        }
        // The clock moves on one node (which runs the due work at once); both nodes' schedules run it too.
        asStaff(second, () -> second.getBean(SandboxClockService.class).advance(Duration.ofDays(2)));
        await("invoice.overdue for every invoice at the receiver",
                () -> invoices.stream().allMatch(i -> receivedFor("invoice.overdue", i) > 0));
        Thread.sleep(1_000);
        assertThat(invoices).allSatisfy(i -> assertThat(receivedFor("invoice.overdue", i)).as(i).isEqualTo(1));
        Set<String> overdueEvents = new java.util.HashSet<>(jdbc().sql("""
                        SELECT body FROM sandbox_object WHERE object_type = 'event' AND body LIKE '%"invoice.overdue"%'""")
                .query(String.class).list());
        for (String invoice : invoices) {
            assertThat(overdueEvents.stream().filter(body -> body.contains("\"" + invoice + "\""))).as(invoice).hasSize(1);
        }
    }
}
