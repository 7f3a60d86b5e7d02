package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.GreenMailSupport;
import com.stripe.param.SubscriptionUpdateParams;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A renewal that cannot be charged, as the buyer receives it (GreenMail): the e-mail's button signs them in to our
 * own portal — no Stripe billing portal anywhere in it — where a new card, saved through our setup-mode Checkout,
 * pays the open invoice and makes the subscription active again. The owner is told too.
 */
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class RenewalFailedMailIT extends GreenMailSupport {

    private static final Pattern PORTAL_LINK = Pattern.compile("https?://[^\\s\"<>]+(/portal/[A-Za-z0-9_-]{43})");

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
    SandboxApiKey sandboxKey;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.link.PaymentLinkService links;
    @Autowired
    com.commercehub.product.ProductService products;
    @LocalServerPort
    int port;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        com.commercehub.testsupport.AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void the_failed_renewal_email_links_our_portal_where_a_new_card_makes_the_subscription_active_again() throws Exception {
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        SubscribedBuyers buyers = new SubscribedBuyers(quotes, deals, companies, contacts, jdbc, port, sandboxKey);
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        buyers.stripe().v1().subscriptions().update(bought.stripeSubscriptionId(),
                SubscriptionUpdateParams.builder().setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
        buyers.eventsProcessed();
        sandboxClock.advance(Duration.ofDays(32));
        buyers.eventsProcessed();
        assertThat(status(bought)).isEqualTo("past_due");

        List<MimeMessage> mails = mailsTo(bought.email(), 1).stream().filter(this::aboutTheFailure).toList();
        assertThat(mails).hasSize(1);
        String body = text(mails.getFirst());
        assertThat(body).doesNotContain("billing.stripe.com", "/sandbox/portal", "/billing");
        Matcher link = PORTAL_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(mailsTo("sam@example.com", 1)).anySatisfy(owner ->
                assertThat(owner.getSubject()).contains("Q-"));

        // The link opens the buyer's portal, signed in, with the subscription's "update payment method".
        PaymentFlow flow = new PaymentFlow(jdbc, port);
        HttpResponse<String> portal = flow.get(link.group(1));
        assertThat(portal.statusCode()).isEqualTo(200);
        String action = link.group(1) + "/subscriptions/" + bought.subscriptionId() + "/payment-method";
        assertThat(portal.body()).contains(action);
        long version = jdbc.sql("SELECT version FROM subscription WHERE id = :id").param("id", bought.subscriptionId())
                .query(Long.class).single();
        HttpResponse<String> setup = flow.postForm(action, "version=" + version);
        assertThat(setup.statusCode()).isEqualTo(303);
        String checkout = setup.headers().firstValue("Location").orElseThrow();
        assertThat(checkout).contains("/sandbox/checkout/cs_");
        HttpResponse<String> saved = flow.postForm(URI.create(flow.url(checkout)).getPath(),
                "card=4242424242424242&email=" + java.net.URLEncoder.encode(bought.email(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).isEqualTo(303);
        buyers.eventsProcessed();
        assertThat(status(bought)).isEqualTo("active");
    }

    @Test
    void a_payment_link_subscription_whose_renewal_fails_e_mails_its_buyer_in_the_links_language_and_its_seller()
            throws Exception {
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        String sku = "RFL-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        long monthly = products.create(com.commercehub.product.ProductTestData.recurring("Plan " + sku, sku, "40.00", "EUR",
                com.commercehub.product.BillingFrequency.MONTHLY)).id();
        long linkId = links.create(new com.commercehub.link.PaymentLinkDraft("Plan " + sku,
                List.of(new com.commercehub.link.PaymentLinkDraft.Item(monthly, 1, null, null)), false, null, false, "",
                false, null, false, com.commercehub.link.PaymentLinkDraft.AfterPayment.MESSAGE, null, null,
                com.commercehub.crm.DealStage.CLOSED_WON, java.util.Locale.GERMAN));
        String address = links.address(linkId);
        PaymentFlow flow = new PaymentFlow(jdbc, port);
        String buyer = "link-" + sku.toLowerCase(java.util.Locale.ROOT) + "@buyer.example";
        String checkout = flow.postForm("/pay/" + address.substring(address.lastIndexOf('/') + 1) + "/checkout", "")
                .headers().firstValue("Location").orElseThrow();
        flow.postForm(URI.create(flow.url(checkout)).getPath(), "email=" + java.net.URLEncoder.encode(buyer,
                java.nio.charset.StandardCharsets.UTF_8) + "&name=Lina+Link&card=4242424242424242");
        flow.eventsProcessed();
        String subscriptionId = jdbc.sql("SELECT stripe_subscription_id FROM subscription WHERE payment_link = :l")
                .param("l", linkId).query(String.class).single();
        com.stripe.StripeClient sandbox = com.stripe.StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
        sandbox.v1().subscriptions().update(subscriptionId,
                SubscriptionUpdateParams.builder().setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
        flow.eventsProcessed();
        sandboxClock.advance(Duration.ofDays(32));
        flow.eventsProcessed();
        assertThat(jdbc.sql("SELECT status FROM subscription WHERE payment_link = :l").param("l", linkId)
                .query(String.class).single()).isEqualTo("past_due");

        // The buyer, in the link's language (German), with a button into our portal; the seller is told.
        List<MimeMessage> mails = mailsTo(buyer, 1).stream().filter(this::aboutTheFailure).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Ihre Zahlung für Plan " + sku + " ist fehlgeschlagen");
        String body = text(mails.getFirst());
        assertThat(body).doesNotContain("billing.stripe.com", "/sandbox/portal");
        Matcher link = PORTAL_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(flow.get(link.group(1)).body()).contains("/subscriptions/");
        long deadline = System.currentTimeMillis() + 30_000;
        boolean told = false;
        while (!told && System.currentTimeMillis() < deadline) {
            told = mailsTo("sam@example.com", 1).stream().anyMatch(owner -> subject(owner).equals("A renewal of Plan " + sku + " failed"));
            Thread.sleep(200);
        }
        assertThat(told).as("the seller is told").isTrue();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean aboutTheFailure(MimeMessage mail) {
        try {
            return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'subscription.payment-failed' AND subject = :s")
                    .param("s", mail.getSubject()).query(Long.class).single() > 0;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(SubscribedBuyers.Subscribed bought) {
        return jdbc.sql("SELECT status FROM subscription WHERE id = :id").param("id", bought.subscriptionId())
                .query(String.class).single();
    }
}
