package com.commercehub.checkout;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentService;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeConnectionService;
import com.google.gson.JsonParser;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's whole life through the real webhook path. Once with its events held back and then
 * delivered all at once, each three times, shuffled, from four connections: one payment per period, the
 * same end state, every event processed. (Not left to the sandbox's shuffle switch: in the shared test
 * database, senders of other cached contexts may claim deliveries without it.) And once as the buyer
 * lives it after a declined renewal: from the quote page to the billing portal, a new card, active again.
 * <p>
 * Quick retries and sweeps here, so that two events about one invoice that collide are retried within the
 * test as they would be in production; the context is closed afterwards so that its sweeper never takes
 * another test context's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.stripe.events.sweep-interval=PT0.3S", "hub.stripe.events.first-retry=PT0.2S",
        "hub.stripe.events.max-retry-delay=PT1S"})
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
@DirtiesContext
class SubscriptionLifeIT {

    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    PaymentService payments;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newHttpClient();
    private CheckoutTestQuotes testQuotes;
    private PaymentFlow flow;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        // Events are held back while the sandbox clock runs on for two months: the quote must not expire meanwhile.
        jdbc.sql("UPDATE quote_settings SET expiry_days = 400").update();
        jdbc.sql("DELETE FROM email_outbox").update();
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        flow = new PaymentFlow(jdbc, port);
    }

    /** A €1,000 set-up and a €99 monthly licence, both with 19 %: €1,307.81 now, €117.81 a month. */
    private CheckoutTestQuotes.Published publish() {
        return testQuotes.publish(spec("EUR", List.of(
                line("Set-up", "1", "1000.00", null, null, "19", false, null),
                line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.MONTHLY))));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private String endpointId() {
        return jdbc.sql("SELECT webhook_endpoint_id FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
    }

    private void endpointDisabled(boolean disabled) throws Exception {
        testQuotes.stripe().v1().webhookEndpoints().update(endpointId(),
                WebhookEndpointUpdateParams.builder().setDisabled(disabled).build());
    }

    private List<PaymentEntry> paymentsOf(CheckoutTestQuotes.Published quote) {
        return payments.ofQuote(quote.quoteId()).stream().sorted(Comparator.comparing(PaymentEntry::id)).toList();
    }

    private String subscriptionStatus(CheckoutTestQuotes.Published quote) {
        return jdbc.sql("SELECT status FROM subscription WHERE quote = :q").param("q", quote.quoteId())
                .query(String.class).optional().orElse(null);
    }

    private long emails(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = :kind").param("kind", kind).query(Long.class).single();
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void every_event_of_a_subscription_s_life_three_times_at_once_in_random_order_gives_one_payment_per_period()
            throws Exception {
        long since = sandboxClock.now().getEpochSecond();
        CheckoutTestQuotes.Published quote = publish();
        String subscriptionId;
        String firstInvoice;
        String declined;
        endpointDisabled(true);
        try {
            // Bought, renewed, a renewal declined and then paid, the first period partly refunded.
            testQuotes.pay(flow.checkOut(quote), "4242424242424242");
            subscriptionId = jdbc.sql("""
                            SELECT id FROM sandbox_object WHERE object_type = 'subscription' AND created >= :since
                            ORDER BY seq DESC LIMIT 1""").param("since", since).query(String.class).single();
            sandboxClock.advance(Duration.ofDays(32));
            testQuotes.stripe().v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                    .setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
            sandboxClock.advance(Duration.ofDays(32));
            Subscription pastDue = testQuotes.stripe().v1().subscriptions().retrieve(subscriptionId);
            assertThat(pastDue.getStatus()).isEqualTo("past_due");
            declined = pastDue.getLatestInvoice();
            testQuotes.stripe().v1().invoices().pay(declined, InvoicePayParams.builder().setPaymentMethod("pm_card_visa").build());
            firstInvoice = testQuotes.stripe().v1().invoices().list(InvoiceListParams.builder()
                    .setSubscription(subscriptionId).build()).getData().getLast().getId();
            String intent = testQuotes.stripe().v1().invoicePayments().list(InvoicePaymentListParams.builder()
                    .setInvoice(firstInvoice).build()).getData().getFirst().getPayment().getPaymentIntent();
            PaymentIntent paid = testQuotes.stripe().v1().paymentIntents().retrieve(intent);
            testQuotes.stripe().v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge())
                    .setAmount(2_000L).build());
            Thread.sleep(500);
            assertThat(paymentsOf(quote)).as("nothing arrived while the endpoint was down").isEmpty();
        } finally {
            endpointDisabled(false);
        }
        List<String> held = eventsSince(since);
        assertThat(held).hasSizeGreaterThan(10);

        deliverShuffled(held, 3);

        await(() -> unfinished(held) == 0, 30);
        assertThat(unfinished(held)).as("every event processed, none failed").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids)").param("ids", held)
                .query(Long.class).single()).as("each stored once").isEqualTo((long) held.size());
        List<PaymentEntry> found = paymentsOf(quote);
        assertThat(found).hasSize(3).extracting(PaymentEntry::invoiceId).doesNotHaveDuplicates()
                .contains(firstInvoice, declined);
        for (PaymentEntry payment : found) {
            boolean first = payment.invoiceId().equals(firstInvoice);
            assertThat(payment.amount()).isEqualTo(first ? eur("1307.81") : eur("117.81"));
            assertThat(payment.status()).as(payment.invoiceId())
                    .isEqualTo(first ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.SUCCEEDED);
            assertThat(payment.refunded()).isEqualTo(first ? eur("20.00") : eur("0"));
            assertThat(payment.net()).isEqualTo(payment.gross().minus(payment.fee()));
        }
        assertThat(subscriptionStatus(quote)).isEqualTo("active");
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
        assertThat(deals.get(found.getFirst().dealId()).stage()).isEqualTo(DealStage.CLOSED_WON);
        assertThat(emails("quote.paid")).isEqualTo(1);
        // Decided on Stripe's state when processed: the declined invoice was paid by then, nobody is dunned.
        assertThat(emails("subscription.payment-failed")).isZero();
    }

    @Test
    void after_a_declined_renewal_the_buyer_enters_a_new_card_in_the_portal_from_the_quote_page() throws Exception {
        CheckoutTestQuotes.Published quote = publish();
        testQuotes.pay(flow.checkOut(quote), "4242424242424242");
        flow.eventsProcessed();
        String subscriptionId = jdbc.sql("SELECT stripe_subscription_id FROM subscription WHERE quote = :q")
                .param("q", quote.quoteId()).query(String.class).single();
        testQuotes.stripe().v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                .setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
        sandboxClock.advance(Duration.ofDays(32));
        flow.eventsProcessed();
        assertThat(subscriptionStatus(quote)).isEqualTo("past_due");
        assertThat(emails("subscription.payment-failed")).isEqualTo(1);

        // The e-mail's link: the quote page sends the buyer to the portal, which opens on the card.
        HttpResponse<String> billing = flow.get("/quote/" + quote.token() + "/billing");
        assertThat(billing.statusCode()).isEqualTo(303);
        String portal = billing.headers().firstValue("Location").orElseThrow();
        assertThat(flow.get(portal).body()).contains("/payment-method/" + subscriptionId);
        HttpResponse<String> updated = flow.postForm(URI.create(flow.url(portal)).getPath() + "/payment-method/"
                + subscriptionId, "card=4242424242424242");
        assertThat(updated.statusCode()).isEqualTo(303);
        flow.eventsProcessed();

        assertThat(subscriptionStatus(quote)).isEqualTo("active");
        List<PaymentEntry> all = paymentsOf(quote);
        assertThat(all).hasSize(2);
        assertThat(all.getLast().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(all.getLast().amount()).isEqualTo(eur("117.81"));
        assertThat(all.getLast().net()).isEqualTo(all.getLast().gross().minus(all.getLast().fee()));
    }

    // --- the held-back events, as the sandbox would have sent them

    /** Ids of the events since then of the types the endpoint listens to, oldest first. */
    private List<String> eventsSince(long since) throws Exception {
        List<String> types = testQuotes.stripe().v1().webhookEndpoints().retrieve(endpointId()).getEnabledEvents();
        return jdbc.sql("""
                        SELECT id FROM sandbox_object WHERE object_type = 'event' AND created >= :since
                          AND JSON_VALUE(body, '$.type') IN (:types) ORDER BY seq""")
                .param("since", since).param("types", types).query(String.class).list();
    }

    /** Posts each event {@code copies} times, all in one shuffled batch, from four connections at once. */
    private void deliverShuffled(List<String> ids, int copies) throws Exception {
        String secret = jdbc.sql("SELECT JSON_VALUE(body, '$._secret') FROM sandbox_object WHERE id = :id")
                .param("id", endpointId()).query(String.class).single();
        List<String> bodies = new ArrayList<>();
        for (String id : ids) {
            String body = rendered(id);
            for (int i = 0; i < copies; i++) {
                bodies.add(body);
            }
        }
        Collections.shuffle(bodies);
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(senders.submit(() -> http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body, secret))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
    }

    /** The event exactly as the sandbox's API renders it (what its webhook sender posts). */
    private String rendered(String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/sandbox/stripe/v1/events/" + id))
                .header("Authorization", "Bearer " + sandboxKey.secretKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).toString();
    }

    private long unfinished(List<String> ids) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE id IN (:ids) AND state NOT IN ('PROCESSED', 'IGNORED')")
                .param("ids", ids).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition, int seconds) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
