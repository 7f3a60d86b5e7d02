package com.commercehub.link;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.DealStage;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.StripeClient;
import com.stripe.model.PromotionCode;
import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payment links over real HTTP against the sandbox: a one-time link with promotion codes, two buyers at once,
 * the code typed on the hosted page, and both our records and the sandbox's state afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "lena@example.com", roles = {"SALES", "ADMIN"})
class PaymentLinkIT {

    @Autowired
    PaymentLinkService links;
    @Autowired
    PromotionCodeService codes;
    @Autowired
    ProductService products;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.staff(users, "lena@example.com", Role.SALES);
        stripe.useSandbox();
    }

    private StripeClient sandbox() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    private long product(String price) {
        String sku = "PL-" + UUID.randomUUID().toString().substring(0, 8);
        return products.create(ProductTestData.oneTime("Workshop " + sku, sku, price, "EUR")).id();
    }

    private PaymentLinkDraft draft(long product, boolean codes, BigDecimal discount, boolean oneTime) {
        return new PaymentLinkDraft("Link " + UUID.randomUUID(), List.of(new PaymentLinkDraft.Item(product, 2, null, null)),
                codes, discount, false, "", false, null, oneTime, PaymentLinkDraft.AfterPayment.MESSAGE,
                "Danke!", null, DealStage.CLOSED_WON, Locale.GERMAN);
    }

    private String token(long linkId) {
        String address = links.address(linkId);
        return address.substring(address.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fixed_discount_and_promotion_codes_are_refused_together_with_the_reason() {
        long product = product("100.00");
        assertThatThrownBy(() -> links.create(draft(product, true, new BigDecimal("10"), false)))
                .isInstanceOfSatisfying(PaymentLinkValidationException.class, e ->
                        assertThat(e.problems()).containsEntry("discountPercent", "link.discount.with-codes"));
    }

    @Test
    void a_one_time_link_with_a_promotion_code_is_paid_once_even_with_two_buyers_at_the_same_time() throws Exception {
        long product = product("100.00");
        String code = "SPRING" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        codes.create(new PromotionCodeDraft(code, new BigDecimal("25"), null, null, 5));
        long linkId = links.create(draft(product, true, null, true));
        String token = token(linkId);

        // The public page, in the link's language.
        HttpResponse<String> page = get("/pay/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Weiter zur Zahlung").contains("200,00");

        // Two buyers press Pay at once: exactly one gets a Checkout Session, the other is told the link is in use.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> buyers = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return post("/pay/" + token + "/checkout", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        start.countDown();
        List<HttpResponse<String>> answers = buyers.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(303, 409);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.body()).contains("Gerade bezahlt jemand über diesen Link");
        String checkout = answers.stream().filter(a -> a.statusCode() == 303).findFirst().orElseThrow()
                .headers().firstValue("Location").orElseThrow();
        assertThat(checkout).startsWith("/sandbox/checkout/cs_");
        String sessionId = checkout.substring(checkout.lastIndexOf('/') + 1);

        Session open = sandbox().v1().checkout().sessions().retrieve(sessionId);
        assertThat(open.getAllowPromotionCodes()).isTrue();
        assertThat(open.getAmountTotal()).isEqualTo(20_000L);
        assertThat(open.getMetadata()).containsEntry("payment_link_id", String.valueOf(linkId));

        // A wrong code is refused on the hosted page; the real one, typed in lower case, takes 25 % off.
        HttpResponse<String> wrong = post(checkout + "/promotion", "code=NOPE-" + code);
        assertThat(wrong.body()).contains("id=\"promotion-error\"");
        assertThat(post(checkout + "/promotion", "code=" + code.toLowerCase(Locale.ROOT)).statusCode()).isEqualTo(303);
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId).getAmountTotal()).isEqualTo(15_000L);

        HttpResponse<String> paid = post(checkout, "email=" + URLEncoder.encode("max@buyer.example", StandardCharsets.UTF_8)
                + "&name=Max+Muster&card=4242424242424242");
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/pay/" + token + "/paid?session_id=" + sessionId);
        HttpResponse<String> thanks = get(back.substring(back.indexOf("/pay/")));
        assertThat(thanks.body()).contains("Danke!").contains("150,00");

        // Our records: one payment of €150 linked to the link, a won deal with the buyer as contact, the link used up.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_link = :l AND amount = 150 AND status = 'SUCCEEDED'")
                .param("l", linkId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT d.stage FROM payment_link_purchase p JOIN deal d ON d.id = p.deal
                        JOIN contact c ON c.id = p.contact WHERE p.payment_link = :l AND c.email = 'max@buyer.example'""")
                .param("l", linkId).query(String.class).single()).isEqualTo("CLOSED_WON");
        PaymentLinkListEntry listed = links.page(0, 100).stream().filter(l -> l.id() == linkId).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(PaymentLinkStatus.COMPLETED);
        assertThat(listed.payments()).isEqualTo(1);
        assertThat(listed.revenue()).hasSize(1);
        assertThat(listed.revenue().getFirst().amount()).isEqualByComparingTo("150");

        // The link's creator is told once, through the outbox.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'link.paid' AND dedupe_key = :key")
                .param("key", "link.paid:" + sessionId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT recipient FROM email_outbox WHERE dedupe_key = :key").param("key", "link.paid:" + sessionId)
                .query(String.class).single()).isEqualTo("lena@example.com");

        // The sandbox's state: the session complete, the code redeemed once.
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId).getStatus()).isEqualTo("complete");
        PromotionCode redeemed = sandbox().v1().promotionCodes().list(
                com.stripe.param.PromotionCodeListParams.builder().setCode(code).build()).getData().getFirst();
        assertThat(redeemed.getTimesRedeemed()).isEqualTo(1L);
        assertThat(redeemed.getMaxRedemptions()).isEqualTo(5L);

        // A third buyer finds the link used.
        HttpResponse<String> late = post("/pay/" + token + "/checkout", "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("bereits bezahlt");
    }

    @Test
    void a_recurring_link_sells_a_subscription_recorded_with_the_link_and_the_buyer_may_change_the_quantity() throws Exception {
        String sku = "PLS-" + UUID.randomUUID().toString().substring(0, 8);
        long monthly = products.create(ProductTestData.recurring("Seat " + sku, sku, "30.00", "EUR",
                com.commercehub.product.BillingFrequency.MONTHLY)).id();
        long setup = product("50.00");
        long linkId = links.create(new PaymentLinkDraft("Seats " + sku, List.of(new PaymentLinkDraft.Item(monthly, 2, 1, 10),
                new PaymentLinkDraft.Item(setup, 1, null, null)), false, null, true, "DE, AT", true, null, false,
                PaymentLinkDraft.AfterPayment.MESSAGE, null, null, null, null));
        String token = token(linkId);
        HttpResponse<String> started = post("/pay/" + token + "/checkout", "");
        assertThat(started.statusCode()).isEqualTo(303);
        String checkout = started.headers().firstValue("Location").orElseThrow();
        String sessionId = checkout.substring(checkout.lastIndexOf('/') + 1);
        Session session = sandbox().v1().checkout().sessions().retrieve(sessionId);
        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getBillingAddressCollection()).isEqualTo("required");
        assertThat(session.getPhoneNumberCollection().getEnabled()).isTrue();
        assertThat(session.getShippingAddressCollection().getAllowedCountries()).containsExactly("DE", "AT");
        // The checkout branding goes on link sessions as on quotes' (the defaults here).
        assertThat(session.getBrandingSettings().getButtonColor())
                .isEqualTo(com.commercehub.branding.BrandingSettings.DEFAULTS.buttonColor());
        assertThat(session.getAmountTotal()).isEqualTo(11_000L);

        // Outside min..max is refused; 3 seats are taken.
        assertThat(post(checkout + "/quantity", "line=0&quantity=11").body()).contains("outside what the seller allows");
        assertThat(post(checkout + "/quantity", "line=0&quantity=3").statusCode()).isEqualTo(303);
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId).getAmountTotal()).isEqualTo(14_000L);

        HttpResponse<String> paid = post(checkout, "email=" + URLEncoder.encode("sub@buyer.example", StandardCharsets.UTF_8)
                + "&name=Sub+Scriber&card=4242424242424242");
        assertThat(paid.statusCode()).isEqualTo(303);
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(get(back.substring(back.indexOf("/pay/"))).body()).contains("€140.00");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE payment_link = :l AND period_amount = 90 AND status = 'active'")
                .param("l", linkId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment p JOIN subscription s ON s.id = p.subscription "
                        + "WHERE p.payment_link = :l AND s.payment_link = :l AND p.amount = 140")
                .param("l", linkId).query(Long.class).single()).isEqualTo(1);
        // No deal stage chosen: no deal.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_link_purchase WHERE payment_link = :l AND deal IS NULL")
                .param("l", linkId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_sandbox_keeps_active_codes_unique_regardless_of_case() {
        String code = "DUP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        codes.create(new PromotionCodeDraft(code, new BigDecimal("10"), null, null, null));
        assertThatThrownBy(() -> codes.create(new PromotionCodeDraft(code.toLowerCase(Locale.ROOT), new BigDecimal("5"),
                null, null, null)))
                .isInstanceOfSatisfying(PaymentLinkValidationException.class,
                        e -> assertThat(e.problems()).containsEntry("code", "promo.code.taken"));
    }
}
