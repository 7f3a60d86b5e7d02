package com.commercehub.sandbox;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A buyer on the sandbox's hosted checkout page, with Stripe's test cards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostedCheckoutIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    private Session session(String productName) throws Exception {
        return stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setLocale(SessionCreateParams.Locale.EN)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(2L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur").setUnitAmount(1_250L)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(productName).build()).build()).build())
                .setSuccessUrl("https://shop.example/paid?session={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://shop.example/cancelled").build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> payWith(Session session, String card) throws Exception {
        return post("/sandbox/checkout/" + session.getId(), "email=buyer%40example.com&name=Jana&card="
                + URLEncoder.encode(card, StandardCharsets.UTF_8));
    }

    private List<String> eventTypesFor(String objectId) throws Exception {
        return stripe().v1().events().list(EventListParams.builder().setLimit(100L).build()).getData().stream()
                .filter(e -> e.getDataObjectDeserializer().getRawJson().contains(objectId))
                .map(Event::getType).toList();
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(clock::reset);
    }

    @Test
    void page_shows_line_items_escaped_and_totals() throws Exception {
        Session session = session("<script>alert(1)</script> Workshop");
        HttpResponse<String> page = get("/sandbox/checkout/" + session.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Workshop").doesNotContain("<script>");
        assertThat(page.body()).contains("€25.00").contains("Sandbox — no real money moves");
    }

    @Test
    void test_card_4242_pays_completes_the_session_and_redirects_to_success_url() throws Exception {
        Session session = session("Workshop");
        HttpResponse<String> response = payWith(session, "4242 4242 4242 4242");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("https://shop.example/paid?session=" + session.getId());

        Session paid = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(paid.getStatus()).isEqualTo("complete");
        assertThat(paid.getPaymentStatus()).isEqualTo("paid");
        assertThat(paid.getCustomerDetails().getEmail()).isEqualTo("buyer@example.com");
        PaymentIntent intent = stripe().v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmountReceived()).isEqualTo(2_500L);
        assertThat(eventTypesFor(session.getId())).contains("checkout.session.completed");
        assertThat(eventTypesFor(intent.getId())).contains("payment_intent.created", "payment_intent.succeeded", "charge.succeeded");

        assertThat(payWith(session, "4242424242424242").body()).contains("Payment received");
    }

    @Test
    void declined_cards_show_stripes_reason_and_leave_the_session_open() throws Exception {
        Session session = session("Workshop");
        HttpResponse<String> declined = payWith(session, "4000 0000 0000 9995");
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Your card has insufficient funds.");
        assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");
        String intentId = stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
        assertThat(eventTypesFor(intentId)).contains("payment_intent.payment_failed", "charge.failed");

        assertThat(payWith(session, "4000000000000069").body()).contains("Your card has expired.");
        assertThat(payWith(session, "4000000000000127").body()).contains("security code is incorrect");
        assertThat(payWith(session, "4000000000000119").body()).contains("error occurred while processing");
        assertThat(payWith(session, "4000000000000002").body()).contains("Your card was declined.");
        assertThat(payWith(session, "1234 5678").body()).contains("Your card number is incorrect.");

        HttpResponse<String> thenPaid = payWith(session, "4242424242424242");
        assertThat(thenPaid.statusCode()).isEqualTo(303);
        assertThat(stripe().v1().paymentIntents().retrieve(intentId).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void three_d_secure_card_goes_through_the_challenge_page() throws Exception {
        Session session = session("Workshop");
        HttpResponse<String> challenge = payWith(session, "4000 0027 6000 3184");
        assertThat(challenge.statusCode()).isEqualTo(303);
        String location = challenge.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/sandbox/authenticate/pi_");
        assertThat(get(location).body()).contains("Confirm this payment").contains("€25.00");

        HttpResponse<String> failed = post(location, "outcome=fail");
        assertThat(failed.body()).contains("could not authenticate");
        assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");

        HttpResponse<String> again = payWith(session, "4000002760003184");
        HttpResponse<String> approved = post(again.headers().firstValue("Location").orElseThrow(), "outcome=approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location")).hasValue("https://shop.example/paid?session=" + session.getId());
        assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus()).isEqualTo("paid");
    }

    @Test
    void cancel_goes_to_the_cancel_url_and_unknown_sessions_are_404() throws Exception {
        Session session = session("Workshop");
        HttpResponse<String> cancel = get("/sandbox/checkout/" + session.getId() + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(cancel.headers().firstValue("Location")).hasValue("https://shop.example/cancelled");
        assertThat(get("/sandbox/checkout/cs_test_nope").statusCode()).isEqualTo(404);
    }

    @org.springframework.beans.factory.annotation.Autowired
    SandboxClockService clock;

    private Session debitSession(String currency) throws Exception {
        return stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setLocale(SessionCreateParams.Locale.EN)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.SEPA_DEBIT)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency(currency)
                                .setUnitAmount(10_000L).setProductData(SessionCreateParams.LineItem.PriceData.ProductData
                                        .builder().setName("Annual audit").build()).build()).build())
                .setSuccessUrl("https://shop.example/paid?session={CHECKOUT_SESSION_ID}").build());
    }

    private HttpResponse<String> payByDebit(Session session, String iban) throws Exception {
        return post("/sandbox/checkout/" + session.getId(), "email=buyer%40example.com&name=Jana+Berg&iban="
                + URLEncoder.encode(iban, StandardCharsets.UTF_8));
    }

    @Test
    void a_sepa_debit_completes_the_session_unpaid_and_succeeds_asynchronously_when_the_clock_moves() throws Exception {
        Session session = debitSession("eur");
        assertThat(get("/sandbox/checkout/" + session.getId()).body()).contains("IBAN").contains("DE89 3704");

        HttpResponse<String> response = payByDebit(session, "DE89 3704 0044 0532 0130 00");
        assertThat(response.statusCode()).isEqualTo(303);
        Session completed = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("unpaid");
        PaymentIntent processing = stripe().v1().paymentIntents().retrieve(completed.getPaymentIntent());
        assertThat(processing.getStatus()).isEqualTo("processing");
        assertThat(eventTypesFor(session.getId())).contains("checkout.session.completed")
                .doesNotContain("checkout.session.async_payment_succeeded");
        assertThat(payByDebit(session, "DE89370400440532013000").body()).contains("being processed");

        com.commercehub.testsupport.AsAdmin.call(() -> clock.advance(java.time.Duration.ofMinutes(4)));

        Session paid = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(paid.getPaymentStatus()).isEqualTo("paid");
        PaymentIntent intent = stripe().v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmountReceived()).isEqualTo(10_000L);
        var charge = stripe().v1().charges().retrieve(intent.getLatestCharge());
        assertThat(charge.getPaymentMethodDetails().getType()).isEqualTo("sepa_debit");
        var transaction = stripe().v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        assertThat(transaction.getFee()).isEqualTo(320L); // 2.9 % of 100.00 + 0.30
        assertThat(eventTypesFor(session.getId())).contains("checkout.session.async_payment_succeeded");
        assertThat(eventTypesFor(intent.getId())).contains("payment_intent.processing", "payment_intent.succeeded");
    }

    @Test
    void a_failing_sepa_debit_sends_async_payment_failed_and_leaves_the_session_unpaid() throws Exception {
        Session session = debitSession("eur");
        assertThat(payByDebit(session, "DE62370400440532013001").statusCode()).isEqualTo(303);

        com.commercehub.testsupport.AsAdmin.call(() -> clock.advance(java.time.Duration.ofMinutes(4)));

        Session after = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(after.getPaymentStatus()).isEqualTo("unpaid");
        PaymentIntent intent = stripe().v1().paymentIntents().retrieve(after.getPaymentIntent());
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getLastPaymentError().getCode()).isEqualTo("insufficient_funds");
        assertThat(eventTypesFor(session.getId())).contains("checkout.session.async_payment_failed")
                .doesNotContain("checkout.session.async_payment_succeeded");
        assertThat(eventTypesFor(intent.getId())).contains("payment_intent.payment_failed", "charge.failed");
    }

    @Test
    void only_test_ibans_are_taken_and_sepa_debit_only_in_euro() throws Exception {
        Session session = debitSession("eur");
        HttpResponse<String> refused = payByDebit(session, "DE02120300000000202051");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("not one of the test IBANs");
        assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");

        assertThatThrownBy(() -> debitSession("usd")).isInstanceOfSatisfying(
                com.stripe.exception.InvalidRequestException.class,
                e -> assertThat(e.getStripeError().getParam()).isEqualTo("payment_method_types"));
    }
}
