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
    com.commercehub.product.TaxRateService taxRates;
    @Autowired
    com.commercehub.sandbox.SandboxClockService sandboxClock;
    @Autowired
    com.commercehub.dashboard.PaymentsPageService paymentsPage;
    @Autowired
    com.commercehub.payment.PaymentService payments;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.subscription.SubscriptionService subscriptionService;
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

    /**
     * The return page records the payment when it wins the race with the webhook's worker; when the worker is
     * first, the page says "confirming" and the record follows from the event: wait for it either way.
     */
    private void awaitPayments(long linkId, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_link = :l AND status = 'SUCCEEDED'").param("l", linkId)
                .query(Long.class).single() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_link = :l AND status = 'SUCCEEDED'")
                .param("l", linkId).query(Long.class).single()).isEqualTo(expected);
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
        // But the buyer is a contact all the same: the subscriptions list names them and the portal reaches them
        // (before, a link sold without a deal left subscription and payment without any buyer).
        assertThat(jdbc.sql("SELECT c.email FROM subscription s JOIN contact c ON c.id = s.contact WHERE s.payment_link = :l")
                .param("l", linkId).query(String.class).list()).containsExactly("sub@buyer.example");
        assertThat(jdbc.sql("SELECT c.email FROM payment p JOIN contact c ON c.id = p.contact WHERE p.payment_link = :l")
                .param("l", linkId).query(String.class).list()).containsExactly("sub@buyer.example");

        // A staff change of a link's subscription shows as soon as Stripe confirms it (the refresh after the call
        // skipped link subscriptions: the page showed the old quantity and the next action was refused as stale).
        long subscriptionId = jdbc.sql("SELECT id FROM subscription WHERE payment_link = :l").param("l", linkId)
                .query(Long.class).single();
        var before = subscriptionService.get(subscriptionId).orElseThrow();
        var seats = before.items().stream().filter(i -> i.quantity().compareTo(BigDecimal.valueOf(3)) == 0).findFirst().orElseThrow();
        var after = subscriptionService.changeItem(before.id(), before.version(), new com.commercehub.subscription.ItemChange(
                seats.stripeItemId(), 4L, null, com.commercehub.subscription.Proration.NONE));
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.summary().perPeriod()).isEqualTo(com.commercehub.base.money.Money.of("120.00", "EUR"));
        assertThat(subscriptionService.pause(after.id(), after.version()).state())
                .isEqualTo(com.commercehub.subscription.SubscriptionState.PAUSED);
    }

    @Test
    void an_item_with_a_25_percent_tax_rate_is_taxed_on_the_page_at_checkout_and_in_the_recorded_payment() throws Exception {
        long product = product("80.00");
        long vat = taxRates.create(new com.commercehub.product.TaxRateDraft("VAT " + UUID.randomUUID().toString().substring(0, 6),
                new BigDecimal("25"), false, "DK", null)).id();
        long linkId = links.create(new PaymentLinkDraft("Taxed " + UUID.randomUUID(),
                List.of(new PaymentLinkDraft.Item(product, 2, null, null, vat)), false, null, false, "", false, null,
                false, PaymentLinkDraft.AfterPayment.MESSAGE, null, null, null, null));
        String token = token(linkId);

        HttpResponse<String> page = get("/pay/" + token);
        assertThat(page.body()).contains("id=\"subtotal\">€160.00").contains("id=\"tax\">€40.00")
                .contains("id=\"total\">€200.00").contains("25 %");

        String checkout = post("/pay/" + token + "/checkout", "").headers().firstValue("Location").orElseThrow();
        String sessionId = checkout.substring(checkout.lastIndexOf('/') + 1);
        Session session = sandbox().v1().checkout().sessions().retrieve(sessionId);
        assertThat(session.getAmountSubtotal()).isEqualTo(16_000L);
        assertThat(session.getTotalDetails().getAmountTax()).isEqualTo(4_000L);
        assertThat(session.getAmountTotal()).isEqualTo(20_000L);

        HttpResponse<String> paid = post(checkout, "email=" + URLEncoder.encode("tax@buyer.example", StandardCharsets.UTF_8)
                + "&name=Tax+Payer&card=4242424242424242");
        String back = paid.headers().firstValue("Location").orElseThrow();
        get(back.substring(back.indexOf("/pay/")));
        awaitPayments(linkId, 1);
        assertThat(jdbc.sql("SELECT amount FROM payment WHERE payment_link = :l AND status = 'SUCCEEDED'")
                .param("l", linkId).query(BigDecimal.class).single()).isEqualByComparingTo("200");
    }

    @Test
    void an_edited_link_offers_its_new_values_to_the_next_visit_and_leaves_earlier_payments_as_they_were() throws Exception {
        long product = product("100.00");
        long linkId = links.create(new PaymentLinkDraft("Before " + UUID.randomUUID(),
                List.of(new PaymentLinkDraft.Item(product, 1, null, null)), false, null, false, "", false, null,
                false, PaymentLinkDraft.AfterPayment.MESSAGE, "Thanks", null, null, null));
        String token = token(linkId);
        String first = post("/pay/" + token + "/checkout", "").headers().firstValue("Location").orElseThrow();
        String back = post(first, "email=" + URLEncoder.encode("early@buyer.example", StandardCharsets.UTF_8)
                + "&name=Early+Bird&card=4242424242424242").headers().firstValue("Location").orElseThrow();
        get(back.substring(back.indexOf("/pay/")));
        awaitPayments(linkId, 1);
        assertThat(jdbc.sql("SELECT amount FROM payment WHERE payment_link = :l").param("l", linkId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("100");

        // The library price changes after the link was made; the kept item keeps the link's own copy.
        var library = products.get(product);
        products.update(product, library.version(), ProductTestData.oneTime(library.name(), library.sku(), "150.00", "EUR"));
        var details = links.details(linkId);
        assertThat(details.payments()).isEqualTo(1);
        long vat = taxRates.create(new com.commercehub.product.TaxRateDraft("VAT " + UUID.randomUUID().toString().substring(0, 6),
                new BigDecimal("25"), false, "DK", null)).id();
        String renamed = "After " + UUID.randomUUID();
        links.update(linkId, details.version(), new PaymentLinkDraft(renamed,
                List.of(new PaymentLinkDraft.Item(product, 2, 1, 5, vat, 0)), false, null, true, "SE", true,
                java.time.LocalDate.now().plusDays(30), false, PaymentLinkDraft.AfterPayment.REDIRECT, null,
                "https://shop.example/thanks", DealStage.QUALIFIED, null));
        // A stale edit (the version the user saw before) is refused and changes nothing.
        assertThatThrownBy(() -> links.update(linkId, details.version(), draft(product, false, null, false)))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);

        String second = post("/pay/" + token + "/checkout", "").headers().firstValue("Location").orElseThrow();
        Session session = sandbox().v1().checkout().sessions().retrieve(second.substring(second.lastIndexOf('/') + 1));
        assertThat(session.getAmountSubtotal()).isEqualTo(20_000L);
        assertThat(session.getAmountTotal()).isEqualTo(25_000L);
        assertThat(session.getSuccessUrl()).isEqualTo("https://shop.example/thanks");
        assertThat(session.getPhoneNumberCollection().getEnabled()).isTrue();
        assertThat(session.getBillingAddressCollection()).isEqualTo("required");
        assertThat(session.getShippingAddressCollection().getAllowedCountries()).containsExactly("SE");
        assertThat(get("/pay/" + token).body()).contains(renamed).contains("€250.00");

        // The payment made before the edit, and the link's figures from it, are unchanged.
        assertThat(jdbc.sql("SELECT amount FROM payment WHERE payment_link = :l").param("l", linkId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("100");
        PaymentLinkListEntry listed = links.page(0, 100).stream().filter(l -> l.id() == linkId).findFirst().orElseThrow();
        assertThat(listed.name()).isEqualTo(renamed);
        assertThat(listed.payments()).isEqualTo(1);
        assertThat(listed.revenue().getFirst().amount()).isEqualByComparingTo("100");
        var after = links.details(linkId);
        assertThat(after.items()).singleElement().satisfies(item -> {
            assertThat(item.quantity()).isEqualTo(2);
            assertThat(item.taxRateId()).isEqualTo(vat);
        });
        assertThat(after.dealStage()).isEqualTo(DealStage.QUALIFIED);
    }

    @Test
    void renewals_of_a_link_subscription_belong_to_the_purchase_contact_and_deal_and_count_as_renewals() throws Exception {
        String sku = "PLR-" + UUID.randomUUID().toString().substring(0, 8);
        long monthly = products.create(ProductTestData.recurring("Plan " + sku, sku, "40.00", "EUR",
                com.commercehub.product.BillingFrequency.MONTHLY)).id();
        long linkId = links.create(new PaymentLinkDraft("Plan " + sku, List.of(new PaymentLinkDraft.Item(monthly, 1, null, null)),
                false, null, false, "", false, null, false, PaymentLinkDraft.AfterPayment.MESSAGE, null, null,
                DealStage.CLOSED_WON, null));
        String checkout = post("/pay/" + token(linkId) + "/checkout", "").headers().firstValue("Location").orElseThrow();
        String back = post(checkout, "email=" + URLEncoder.encode("renew@buyer.example", StandardCharsets.UTF_8)
                + "&name=Re+New&card=4242424242424242").headers().firstValue("Location").orElseThrow();
        get(back.substring(back.indexOf("/pay/")));
        awaitPayments(linkId, 1);
        var purchase = jdbc.sql("SELECT deal, contact FROM payment_link_purchase WHERE payment_link = :l")
                .param("l", linkId).query().singleRow();
        long deal = ((Number) purchase.get("deal")).longValue();
        long contact = ((Number) purchase.get("contact")).longValue();
        try {
            sandboxClock.advance(Duration.ofDays(32));
            awaitPayments(linkId, 2);
            var renewal = jdbc.sql("""
                            SELECT p.id, p.deal, p.contact, p.subscription, s.payment_link AS sold_through FROM payment p
                            JOIN subscription s ON s.id = p.subscription
                            WHERE p.payment_link = :l AND p.checkout_session_id IS NULL""")
                    .param("l", linkId).query().singleRow();
            assertThat(((Number) renewal.get("deal")).longValue()).isEqualTo(deal);
            assertThat(((Number) renewal.get("contact")).longValue()).isEqualTo(contact);
            assertThat(((Number) renewal.get("sold_through")).longValue()).isEqualTo(linkId);
            // On the deal with the first payment; on the payments page a renewal, with the deal's owner.
            assertThat(payments.ofDeal(deal)).hasSize(2);
            var row = paymentsPage.details(((Number) renewal.get("id")).longValue()).row();
            assertThat(row.source()).isEqualTo(com.commercehub.dashboard.PaymentSources.RENEWAL);
            assertThat(row.dealId()).isEqualTo(deal);
            assertThat(row.owner()).isNotBlank();
        } finally {
            // Tests share one database: a sandbox clock left ahead would move the next test's dates.
            sandboxClock.reset();
        }
    }

    @Test
    void a_code_limited_to_one_link_is_refused_on_another_and_taken_on_its_own() throws Exception {
        long product = product("100.00");
        long linkA = links.create(draft(product, true, null, false));
        long linkB = links.create(draft(product, true, null, false));
        String code = "ONLYA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        long codeId = codes.create(new PromotionCodeDraft(code, new BigDecimal("20"), null, null, 1, List.of(linkA)));
        assertThat(codes.page(0, 100).stream().filter(c -> c.id() == codeId).findFirst().orElseThrow().links())
                .hasSize(1);
        try {
            // Link B: its own page takes the code (Stripe's field would take any code) and refuses it; nothing is made.
            String tokenB = token(linkB);
            assertThat(get("/pay/" + tokenB).body()).contains("id=\"code\"").doesNotContain("id=\"codes-hint\"");
            long sessionsBefore = sandboxSessions();
            HttpResponse<String> refused = post("/pay/" + tokenB + "/checkout", "code=" + code);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"code-error\"").contains("Dieser Code ist ungültig.")
                    .contains("value=\"" + code + "\"");
            assertThat(sandboxSessions()).isEqualTo(sessionsBefore);
            // Without a code, B's session offers no code field at Stripe.
            String plainB = post("/pay/" + tokenB + "/checkout", "").headers().firstValue("Location").orElseThrow();
            assertThat(sandbox().v1().checkout().sessions().retrieve(plainB.substring(plainB.lastIndexOf('/') + 1))
                    .getAllowPromotionCodes()).isNotEqualTo(Boolean.TRUE);

            // Link A: the code typed on its page goes to Stripe with the session, which takes 20 % off.
            String checkoutA = post("/pay/" + token(linkA) + "/checkout", "code=" + code.toLowerCase(Locale.ROOT))
                    .headers().firstValue("Location").orElseThrow();
            String sessionA = checkoutA.substring(checkoutA.lastIndexOf('/') + 1);
            Session discounted = sandbox().v1().checkout().sessions().retrieve(sessionA);
            assertThat(discounted.getAmountSubtotal()).isEqualTo(20_000L);
            assertThat(discounted.getAmountTotal()).isEqualTo(16_000L);
            // A keeps Stripe's own field too: the only limited code is A's.
            String plainA = post("/pay/" + token(linkA) + "/checkout", "").headers().firstValue("Location").orElseThrow();
            assertThat(sandbox().v1().checkout().sessions().retrieve(plainA.substring(plainA.lastIndexOf('/') + 1))
                    .getAllowPromotionCodes()).isTrue();

            String back = post(checkoutA, "email=" + URLEncoder.encode("coded@buyer.example", StandardCharsets.UTF_8)
                    + "&name=Co+Ded&card=4242424242424242").headers().firstValue("Location").orElseThrow();
            get(back.substring(back.indexOf("/pay/")));
            awaitPayments(linkA, 1);
            assertThat(jdbc.sql("SELECT amount FROM payment WHERE payment_link = :l").param("l", linkA)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("160");
            PromotionCode redeemed = sandbox().v1().promotionCodes().list(
                    com.stripe.param.PromotionCodeListParams.builder().setCode(code).build()).getData().getFirst();
            assertThat(redeemed.getTimesRedeemed()).isEqualTo(1L);
            // Used up: Stripe refuses the code with the next session, and the link's page says so next to the field.
            HttpResponse<String> usedUp = post("/pay/" + token(linkA) + "/checkout", "code=" + code);
            assertThat(usedUp.statusCode()).isEqualTo(422);
            assertThat(usedUp.body()).contains("id=\"code-error\"").contains("Dieser Code kann nicht mehr verwendet werden");
        } finally {
            // Tests share one database: an active limited code would take Stripe's code field from every other link.
            codes.deactivate(codeId, 0);
        }
    }

    private long sandboxSessions() {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'checkout.session'").query(Long.class).single();
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

    @Test
    void a_buyer_who_bought_in_german_is_a_contact_in_german_so_the_portal_and_emails_speak_it() throws Exception {
        String sku = "PLG-" + UUID.randomUUID().toString().substring(0, 8);
        long kit = product("25.00");
        long linkId = links.create(new PaymentLinkDraft("Kit " + sku, List.of(new PaymentLinkDraft.Item(kit, 1, null, null)),
                false, null, false, "", false, null, false, PaymentLinkDraft.AfterPayment.MESSAGE, null, null, null,
                java.util.Locale.GERMAN));
        HttpResponse<String> started = post("/pay/" + token(linkId) + "/checkout", "");
        String checkout = started.headers().firstValue("Location").orElseThrow();
        String email = "kaeufer-" + sku.toLowerCase(java.util.Locale.ROOT) + "@buyer.example";
        HttpResponse<String> paid = post(checkout, "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&name=Karl+K%C3%A4ufer&card=4242424242424242");
        String back = paid.headers().firstValue("Location").orElseThrow();
        get(back.substring(back.indexOf("/pay/")));

        // Made without a language, the contact got the portal and its e-mails in English (seen in the walk).
        assertThat(jdbc.sql("SELECT preferred_locale FROM contact WHERE email = :email").param("email", email)
                .query(String.class).single()).isEqualTo("de");
        // Every payment has a document: the link's purchase got a numbered receipt.
        assertThat(jdbc.sql("SELECT r.number FROM receipt r JOIN payment p ON p.id = r.payment WHERE p.payment_link = :l")
                .param("l", linkId).query(String.class).list()).singleElement().asString().isNotBlank();
    }
}
