package com.commercehub.sandbox;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.stripe.StripeClientFactory;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What keeps the sandbox from being a way in: its own API key, internal fields that no {@code expand[]} reveals,
 * card numbers that are never stored, and hosted pages that ignore a forged {@code Host} header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SandboxSecurityIT {

    /** Luhn-valid, looks like a real Visa card, and is none of Stripe's test cards. */
    private static final String REAL_LOOKING_CARD = "4539148803436467";

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    StripeClientFactory factory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretCipher cipher;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe(String key) {
        return StripeClient.builder().setApiKey(key).setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe")
                .setMaxNetworkRetries(0).build();
    }

    private StripeClient stripe() {
        return stripe(sandboxKey.secretKey());
    }

    private HttpResponse<String> api(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stripe" + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** A request as written by hand, so that it can carry any Host header (HttpClient refuses to set one). */
    private String raw(String method, String path, String host, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String location(String response) {
        return response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                .map(l -> l.substring(9).trim()).findFirst().orElseThrow();
    }

    private Session session(String successUrl) throws Exception {
        return stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setLocale(SessionCreateParams.Locale.EN)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur").setUnitAmount(4_900L)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Audit").build()).build()).build())
                .setSuccessUrl(successUrl).build());
    }

    private long storedAnywhere(String text) {
        String like = "%" + text + "%";
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM sandbox_object WHERE body LIKE :like)"
                        + " + (SELECT COUNT(*) FROM sandbox_idempotency WHERE response_body LIKE :like)")
                .param("like", like).query(Long.class).single();
    }

    // --- point 8: the install's own key

    @Test
    void a_made_up_test_key_gets_stripes_401_with_the_key_masked_in_bearer_and_basic_form() throws Exception {
        String madeUp = "sk_test_" + "51MadeUpButWellFormedKey0000" + "abcd";
        String expected = "{\"error\":{\"message\":\"Invalid API Key provided: sk_test_****abcd\","
                + "\"type\":\"invalid_request_error\"}}";
        HttpResponse<String> bearer = api("/v1/account", "Bearer " + madeUp);
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).isEqualTo(expected);
        HttpResponse<String> basic = api("/v1/customers", basic(madeUp + ":"));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).isEqualTo(expected);

        AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                () -> stripe(madeUp).v1().accounts().retrieveCurrent());
        assertThat(refused.getMessage()).contains("Invalid API Key provided: sk_test_****abcd");
        // The install's key with one character changed is just as wrong.
        String key = sandboxKey.secretKey();
        String almost = key.substring(0, key.length() - 1) + (key.endsWith("x") ? "y" : "x");
        assertThat(api("/v1/account", "Bearer " + almost).statusCode()).isEqualTo(401);
        assertThat(api("/v1/account", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_restricted_key_made_by_an_admin_works_and_only_its_hash_is_kept() throws Exception {
        SandboxKeyService service = context.getBean(SandboxKeyService.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(service::createRestrictedKey)
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        String restricted = com.commercehub.testsupport.AsAdmin.call(service::createRestrictedKey);
        assertThat(restricted).matches("rk_test_[A-Za-z0-9]{32}");
        assertThat(stripe(restricted).v1().customers().create(CustomerCreateParams.builder()
                .setEmail("restricted@example.com").build()).getId()).startsWith("cus_");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_restricted_key WHERE key_sha256 = :hash")
                .param("hash", com.commercehub.base.secrets.Sha256.hex(restricted)).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_restricted_key WHERE key_sha256 LIKE :part OR last4 = :whole")
                .param("part", "%" + restricted.substring(8, 20) + "%").param("whole", restricted)
                .query(Long.class).single()).isZero();
        // One character off is refused like any made-up key.
        String almost = restricted.substring(0, restricted.length() - 1) + (restricted.endsWith("x") ? "y" : "x");
        assertThat(api("/v1/account", "Bearer " + almost).statusCode()).isEqualTo(401);
    }

    @Test
    void the_install_key_works_with_curl_forms_and_stripe_java_and_never_reaches_the_log(CapturedOutput output)
            throws Exception {
        String key = sandboxKey.secretKey();
        assertThat(key).matches("sk_test_[A-Za-z0-9]{32}");
        assertThat(api("/v1/account", "Bearer " + key).statusCode()).isEqualTo(200);
        assertThat(api("/v1/account", basic(key + ":")).statusCode()).isEqualTo(200);
        assertThat(stripe(key).v1().customers().create(CustomerCreateParams.builder().setEmail("key@example.com")
                .build()).getId()).startsWith("cus_");
        // The app's own client talks to the sandbox with it.
        assertThat(factory.client().v1().accounts().retrieveCurrent().getId()).startsWith("acct_");
        // Kept encrypted, the same on every read (so every node agrees).
        String sealed = jdbc.sql("SELECT key_enc FROM sandbox_api_key WHERE id = 1").query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(key.substring(8));
        assertThat(cipher.decrypt("sandbox.api-key", sealed)).isEqualTo(key);

        api("/v1/nothing-here", "Bearer " + key);
        api("/v1/account", "Bearer sk_test_wrongKeyForTheLogCheck0001");
        assertThat(output.getAll()).doesNotContain(key).doesNotContain(key.substring(8));
    }

    // --- point 9: expand[] reveals nothing internal

    @Test
    void no_expand_reveals_webhook_signing_secrets() throws Exception {
        WebhookEndpoint created = stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://localhost:9/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHARGE__SUCCEEDED).build());
        assertThat(created.getSecret()).startsWith("whsec_");
        String auth = "Bearer " + sandboxKey.secretKey();
        for (String path : new String[]{"/v1/webhook_endpoints?expand[]=data.secret",
                "/v1/webhook_endpoints?expand[]=data._secret", "/v1/webhook_endpoints/" + created.getId() + "?expand[]=secret",
                "/v1/webhook_endpoints/" + created.getId() + "?expand[]=_secret"}) {
            HttpResponse<String> response = api(path, auth);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("whsec_").doesNotContain("\"secret\"")
                    .doesNotContain(created.getSecret().substring(6));
        }
        // Other tests share the sandbox: no endpoint to a dead address is left to fail their events.
        stripe().v1().webhookEndpoints().delete(created.getId());
    }

    @Test
    void no_expand_reveals_a_card_number_or_the_test_card_behind_a_payment_method() throws Exception {
        PaymentIntent paid = stripe().v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1_500L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build());
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        String auth = "Bearer " + sandboxKey.secretKey();
        for (String path : new String[]{"/v1/payment_intents?expand[]=data.payment_method.number",
                "/v1/payment_intents?expand[]=data.payment_method.test_card",
                "/v1/payment_intents/" + paid.getId() + "?expand[]=payment_method._test_card",
                "/v1/payment_methods/" + paid.getPaymentMethod() + "?expand[]=number"}) {
            HttpResponse<String> response = api(path, auth);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"last4\":\"4242\"").doesNotContain("4242424242424242")
                    .doesNotContain("\"number\"").doesNotContain("test_card").doesNotContain("SUCCESS");
        }
    }

    // --- point 10: card numbers

    @Test
    void a_real_card_on_the_checkout_page_is_refused_with_stripes_message_before_anything_is_stored() throws Exception {
        Session session = session("https://shop.example/paid");
        HttpResponse<String> refused = post("/sandbox/checkout/" + session.getId(),
                "email=buyer%40example.com&name=Jana&card=" + URLEncoder.encode("4539 1488 0343 6467", StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Your card was declined. Your request was in test mode, but used a non test "
                + "card. For a list of valid test cards, visit: https://stripe.com/docs/testing.");
        assertThat(storedAnywhere(REAL_LOOKING_CARD)).isZero();
        assertThat(storedAnywhere(REAL_LOOKING_CARD.substring(0, 12))).isZero();
        Session after = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(after.getStatus()).isEqualTo("open");
        assertThat(after.getPaymentIntent()).isNull();
        assertThat(after.getCustomerDetails()).isNull();
    }

    @Test
    void a_real_card_on_the_invoice_page_is_refused_and_the_invoice_untouched() throws Exception {
        Customer customer = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("ap@example.com").build());
        stripe().v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setCurrency("eur").setAmount(9_000L).setDescription("Support").build());
        Invoice invoice = stripe().v1().invoices().finalizeInvoice(stripe().v1().invoices().create(InvoiceCreateParams
                .builder().setCustomer(customer.getId()).setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                .setDaysUntilDue(7L).setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
                .build()).getId());
        HttpResponse<String> refused = post("/sandbox/invoice/" + invoice.getId(), "card=" + REAL_LOOKING_CARD);
        assertThat(refused.body()).contains("used a non test card");
        assertThat(storedAnywhere(REAL_LOOKING_CARD)).isZero();
        Invoice after = stripe().v1().invoices().retrieve(invoice.getId());
        assertThat(after.getStatus()).isEqualTo("open");
        assertThat(after.getAttemptCount()).isZero();
    }

    @Test
    void a_test_card_is_kept_as_brand_and_last_four_only() throws Exception {
        Session session = session("https://shop.example/paid");
        HttpResponse<String> paid = post("/sandbox/checkout/" + session.getId(),
                "email=buyer%40example.com&card=" + URLEncoder.encode("5555 5555 5555 4444", StandardCharsets.UTF_8));
        assertThat(paid.statusCode()).isEqualTo(303);
        PaymentIntent intent = stripe().v1().paymentIntents().retrieve(
                stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent());
        var card = stripe().v1().paymentMethods().retrieve(intent.getPaymentMethod()).getCard();
        assertThat(card.getBrand()).isEqualTo("mastercard");
        assertThat(card.getLast4()).isEqualTo("4444");
        assertThat(storedAnywhere("5555555555554444")).isZero();
        assertThat(storedAnywhere("4242424242424242")).as("no test made before stored one either").isZero();
    }

    // --- point 16: the hosted pages' own address

    @Test
    void a_forged_host_header_does_not_move_the_hosted_pages_links_or_redirects() throws Exception {
        String localBase = "http://localhost:" + port;
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Guide").build());
        Price price = stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setUnitAmount(1_000L).build());
        PaymentLink link = stripe().v1().paymentLinks().create(PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                .build());

        String opened = raw("GET", "/sandbox/pay/" + link.getId(), "evil.example", "", "");
        assertThat(opened).startsWith("HTTP/1.1 303");
        String checkout = location(opened);
        assertThat(checkout).startsWith(localBase + "/sandbox/checkout/cs_").doesNotContain("evil");

        // The API, asked through a forged Host, still writes this server's address into what it makes.
        String created = raw("POST", "/sandbox/stripe/v1/checkout/sessions", "evil.example:" + port,
                "Authorization: Bearer " + sandboxKey.secretKey() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                "mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok&line_items[0][price]=" + price.getId()
                        + "&line_items[0][quantity]=1");
        assertThat(created).startsWith("HTTP/1.1 200").contains("\"url\":\"" + localBase + "/sandbox/checkout/cs_")
                .doesNotContain("evil");

        // Paying on the page through a forged Host: the receipt link the charge keeps points here too.
        String sessionId = checkout.substring(checkout.lastIndexOf('/') + 1);
        String pay = raw("POST", "/sandbox/checkout/" + sessionId, "evil.example",
                "Content-Type: application/x-www-form-urlencoded\r\n", "email=a%40example.com&card=4242424242424242");
        assertThat(pay).startsWith("HTTP/1.1 200").doesNotContain("evil");
        String intentId = stripe().v1().checkout().sessions().retrieve(sessionId).getPaymentIntent();
        var charge = stripe().v1().charges().retrieve(stripe().v1().paymentIntents().retrieve(intentId).getLatestCharge());
        assertThat(charge.getReceiptUrl()).startsWith(localBase + "/sandbox/receipt/");
    }
}
