package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.dashboard.ui.PaymentsViewAccess;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.link.PaymentLinkDraft;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxFaults;
import com.commercehub.stripe.StripeConnectionException;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment provider failing (issue 17, point 8), over real HTTP against the sandbox's fault switch: a 500, a
 * 429 and a read timeout are retried with backoff and the very same Idempotency-Key, and the sandbox makes the
 * object once. When the retries are used up, the buyer gets a 503 page saying the provider is unavailable (quote,
 * invoice, payment link), staff get a notification (refund) or the connect error, nothing is left half-done, and
 * the next try after the fault works. The read timeout is short here so the timeout case stays fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.stripe.read-timeout=" + PaymentProviderFaultsIT.READ_TIMEOUT_MS + "ms",
                "hub.stripe.rate-limit-backoff=50ms"})
@WithMockUser(username = "faults@example.com", roles = {"SALES", "ADMIN"})
class PaymentProviderFaultsIT extends KaribuTest {

    static final int READ_TIMEOUT_MS = 2500;
    private static final String SESSIONS = "/v1/checkout/sessions";

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
    InvoiceService invoices;
    @Autowired
    PaymentLinkService links;
    @Autowired
    ProductService products;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private CheckoutTestQuotes testQuotes;
    private PaymentFlow flow;

    @BeforeEach
    void sandboxConnectedAndHealthy() {
        QuoteTestData.staff(users, "faults@example.com", Role.SALES);
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        flow = new PaymentFlow(jdbc, port);
        off();
        AsAdmin.call(() -> {
            faults.forgetRequests();
            return null;
        });
    }

    @AfterEach
    void faultOff() {
        off();
    }

    private void arm(SandboxFaults.Kind kind, int count, String method, String path, Duration delay) {
        AsAdmin.call(() -> {
            faults.failNext(kind, count, method, path, delay);
            return null;
        });
    }

    private void off() {
        AsAdmin.call(() -> {
            faults.clear();
            return null;
        });
    }

    /** The POSTs the sandbox received on {@code path} since the test began, oldest first. */
    private List<SandboxFaults.Request> posts(String path) {
        return AsAdmin.call(faults::requests).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
    }

    /** Every try carried one and the same key, and exactly one of them made the object. */
    private static void sameKeyAndMadeOnce(List<SandboxFaults.Request> tries) {
        assertThat(tries).extracting(SandboxFaults.Request::idempotencyKey).doesNotContainNull()
                .as("every retry sends the same Idempotency-Key").containsOnly(tries.getFirst().idempotencyKey());
        assertThat(tries).filteredOn(r -> r.status() == 200 && !r.replayed()).as("executed once").hasSize(1);
    }

    private static List<Integer> statuses(List<SandboxFaults.Request> tries) {
        return tries.stream().map(SandboxFaults.Request::status).toList();
    }

    private CheckoutTestQuotes.Published quote() {
        return testQuotes.publish(spec("EUR", List.of(line("Workshop", "1", "800.00", null, null, "19", false, null))));
    }

    private HttpResponse<String> post(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(flow.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void noInternals(HttpResponse<String> page) {
        assertThat(page.body()).doesNotContain("Exception", "at com.", "api_error", "rate_limit", "req_");
    }

    @Test
    void a_500_is_retried_after_a_pause_with_the_same_key_and_one_session_is_made() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        arm(SandboxFaults.Kind.SERVER_ERROR, 1, "POST", SESSIONS, null);

        String checkoutPage = flow.checkOut(quote);

        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(statuses(tries)).containsExactly(500, 200);
        sameKeyAndMadeOnce(tries);
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).as("stripe-java's backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).containsExactly(CheckoutTestQuotes.sessionId(checkoutPage));
    }

    @Test
    void a_429_is_retried_by_our_edge_with_growing_pauses_and_the_same_key() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        arm(SandboxFaults.Kind.RATE_LIMITED, 2, "POST", SESSIONS, null);

        String checkoutPage = flow.checkOut(quote);

        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(statuses(tries)).containsExactly(429, 429, 200);
        sameKeyAndMadeOnce(tries);
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(35));
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(70));
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).containsExactly(CheckoutTestQuotes.sessionId(checkoutPage));
    }

    @Test
    void a_read_timeout_is_retried_with_the_same_key_and_the_retry_gets_the_session_already_made() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        arm(SandboxFaults.Kind.TIMEOUT, 1, "POST", SESSIONS, Duration.ofMillis(READ_TIMEOUT_MS + 1500));

        String checkoutPage = flow.checkOut(quote);

        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(tries).extracting(SandboxFaults.Request::fault).containsExactly(SandboxFaults.Kind.TIMEOUT, null);
        assertThat(tries.get(1).replayed()).as("the retry is answered from the first try's result").isTrue();
        sameKeyAndMadeOnce(tries);
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).containsExactly(CheckoutTestQuotes.sessionId(checkoutPage));
    }

    @Test
    void retries_used_up_on_a_quote_the_buyer_sees_a_503_in_german_nothing_is_kept_and_the_next_try_works() throws Exception {
        CheckoutTestQuotes.Published quote = quote(); // the buyer is German: the quote speaks German
        arm(SandboxFaults.Kind.SERVER_ERROR, 3, "POST", SESSIONS, null);

        HttpResponse<String> failed = post("/quote/" + quote.token() + "/checkout", "de");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("Die Zahlung kann gerade nicht starten",
                "Der Zahlungsanbieter ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.");
        noInternals(failed);
        assertThat(statuses(posts(SESSIONS))).containsExactly(500, 500, 500);
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_checkout WHERE quote = :q AND session_id IS NOT NULL")
                .param("q", quote.quoteId()).query(Long.class).single()).as("no session recorded").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_checkout_session WHERE quote = :q").param("q", quote.quoteId())
                .query(Long.class).single()).isZero();

        off();
        String checkoutPage = flow.checkOut(quote);
        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(statuses(tries)).containsExactly(500, 500, 500, 200);
        sameKeyAndMadeOnce(tries);
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).containsExactly(CheckoutTestQuotes.sessionId(checkoutPage));
    }

    @Test
    void retries_used_up_on_an_invoice_the_buyer_sees_a_503_in_english_and_the_next_try_works() throws Exception {
        InvoiceHeader header = new InvoiceHeader(null, null, null, "Acme Ltd", "payer-" + UUID.randomUUID() + "@example.com",
                Locale.ENGLISH, java.util.Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_30, null, null,
                null, false, null, "IBAN DE00");
        InvoiceDetails draft = invoices.createDraft(header, List.of(new LineItemDraft(null, "Audit", null,
                BigDecimal.ONE, new BigDecimal("300.00"), null, null, new BigDecimal("19"), false, null, null)));
        InvoiceDetails invoice = invoices.send(draft.id(), draft.version());
        String token = invoices.buyerPath(invoice.id()).orElseThrow().substring("/invoice/".length());
        // A rate limit that outlasts our retries: 1 try + 2 retries, all 429.
        arm(SandboxFaults.Kind.RATE_LIMITED, 3, "POST", SESSIONS, null);

        HttpResponse<String> failed = post("/invoice/" + token + "/pay", "en");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("Payment cannot start right now",
                "The payment provider could not be reached. Please try again in a moment.");
        noInternals(failed);
        assertThat(statuses(posts(SESSIONS))).containsExactly(429, 429, 429);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invoice_checkout WHERE invoice = :i AND session_id IS NOT NULL")
                .param("i", invoice.id()).query(Long.class).single()).as("no session recorded").isZero();

        off();
        HttpResponse<String> again = post("/invoice/" + token + "/pay", "en");
        assertThat(again.statusCode()).isEqualTo(303);
        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(statuses(tries)).containsExactly(429, 429, 429, 200);
        sameKeyAndMadeOnce(tries);
    }

    @Test
    void retries_used_up_on_a_payment_link_the_buyer_sees_a_503_with_the_form_kept_and_the_next_try_works() throws Exception {
        String sku = "PF-" + UUID.randomUUID().toString().substring(0, 8);
        long product = products.create(ProductTestData.oneTime("Workshop " + sku, sku, "120.00", "EUR")).id();
        long linkId = links.create(new PaymentLinkDraft("Faults " + sku, List.of(new PaymentLinkDraft.Item(product, 1, null, null)),
                false, null, false, "", false, null, false, PaymentLinkDraft.AfterPayment.MESSAGE, "Thanks", null,
                DealStage.CLOSED_WON, null));
        String address = links.address(linkId);
        String token = address.substring(address.lastIndexOf('/') + 1);
        arm(SandboxFaults.Kind.SERVER_ERROR, 6, "POST", SESSIONS, null);

        HttpResponse<String> english = post("/pay/" + token + "/checkout", "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("The payment provider is unavailable right now. Nothing was charged; "
                + "please try again in a moment.", "/pay/" + token + "/checkout");
        noInternals(english);
        HttpResponse<String> german = post("/pay/" + token + "/checkout", "de");
        assertThat(german.statusCode()).isEqualTo(503);
        assertThat(german.body()).contains("Der Zahlungsanbieter ist gerade nicht erreichbar. Es wurde nichts abgebucht");
        assertThat(statuses(posts(SESSIONS))).containsExactly(500, 500, 500, 500, 500, 500);

        off();
        HttpResponse<String> again = post("/pay/" + token + "/checkout", "en");
        assertThat(again.statusCode()).isEqualTo(303);
        List<SandboxFaults.Request> tries = posts(SESSIONS);
        assertThat(tries).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(tries).filteredOn(r -> r.idempotencyKey().equals(tries.getLast().idempotencyKey()))
                .as("the session's own key was never used before").hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'checkout.session'
                          AND JSON_VALUE(body, '$.metadata.payment_link_id') = :link""")
                .param("link", String.valueOf(linkId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_refund_while_stripe_fails_says_so_in_the_users_language_records_nothing_and_works_once_stripe_is_back()
            throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        testQuotes.pay(flow.checkOut(quote), "4242 4242 4242 4242");
        flow.eventsProcessed();
        long payment = jdbc.sql("SELECT id FROM payment WHERE quote = :q").param("q", quote.quoteId()).query(Long.class).single();
        String intent = jdbc.sql("SELECT payment_intent_id FROM payment WHERE id = :p").param("p", payment)
                .query(String.class).single();

        login("fin-faults@example.com", Role.FINANCE);
        navigate("payments");
        PaymentsViewAccess.Refund dialog = PaymentsViewAccess.openRefund(intent);
        dialog.partial(new BigDecimal("100.00"), "Workshop shortened");
        arm(SandboxFaults.Kind.SERVER_ERROR, 6, "POST", "/v1/refunds", null);

        dialog.send();
        expectNotifications("The payment provider is unavailable right now, so nothing was refunded. Try again in a moment.");
        UI.getCurrent().setLocale(Locale.GERMAN);
        dialog.send();
        expectNotifications("Der Zahlungsanbieter ist gerade nicht erreichbar, daher wurde nichts erstattet. "
                + "Versuchen Sie es gleich noch einmal.");
        assertThat(dialog.opened()).as("kept open for the next try").isTrue();
        assertThat(dialog.fieldsValid()).as("nothing wrong with what was typed").isTrue();
        assertThat(statuses(posts("/v1/refunds"))).containsExactly(500, 500, 500, 500, 500, 500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'refund' "
                        + "AND JSON_VALUE(body, '$.metadata.hub_payment') = :p").param("p", String.valueOf(payment))
                .query(Long.class).single()).as("nothing refunded at Stripe").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_refund WHERE payment = :p").param("p", payment)
                .query(Long.class).single()).isZero();

        off();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        dialog.send();
        assertThat(dialog.opened()).isFalse();
        List<SandboxFaults.Request> tries = posts("/v1/refunds");
        sameKeyAndMadeOnce(tries);
        flow.eventsProcessed();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_refund WHERE payment = :p").param("p", payment)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void connecting_while_stripe_fails_to_make_the_webhook_endpoint_keeps_the_old_connection_and_says_so() {
        long before = jdbc.sql("SELECT id FROM stripe_connection WHERE disconnected_at IS NULL").query(Long.class).single();
        arm(SandboxFaults.Kind.SERVER_ERROR, 3, "POST", "/v1/webhook_endpoints", null);

        assertThatThrownBy(() -> stripe.useSandbox()).isInstanceOfSatisfying(StripeConnectionException.class,
                e -> assertThat(e.reason()).isEqualTo(StripeConnectionException.Reason.UNREACHABLE));
        assertThat(jdbc.sql("SELECT id FROM stripe_connection WHERE disconnected_at IS NULL").query(Long.class).list())
                .as("no connection without its webhook endpoint").containsExactly(before);
        assertThat(statuses(posts("/v1/webhook_endpoints"))).containsExactly(500, 500, 500);

        List<SandboxFaults.Request> failed = posts("/v1/webhook_endpoints");
        assertThat(failed).extracting(SandboxFaults.Request::idempotencyKey).doesNotContainNull()
                .containsOnly(failed.getFirst().idempotencyKey());

        off();
        stripe.useSandbox();
        assertThat(jdbc.sql("SELECT webhook_endpoint_id FROM stripe_connection WHERE disconnected_at IS NULL")
                .query(String.class).single()).startsWith("we_");
        assertThat(statuses(posts("/v1/webhook_endpoints"))).containsExactly(500, 500, 500, 200);
    }
}
