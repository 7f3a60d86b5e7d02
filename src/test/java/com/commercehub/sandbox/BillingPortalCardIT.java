package com.commercehub.sandbox;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's billing portal as a buyer uses it after a failed renewal: opened on updating the payment
 * method, in the requested language; a declined card is shown as declined, a good one pays the past-due
 * invoice at once and the subscription is active again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BillingPortalCardIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Subscription subscribe() throws Exception {
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Seats").build());
        Price monthly = stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setUnitAmount(2_500L)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());
        Session session = stripe().v1().checkout().sessions().create(com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder().setPrice(monthly.getId())
                        .setQuantity(2L).build())
                .setSuccessUrl("https://shop.example/ok").build());
        assertThat(post("/sandbox/checkout/" + session.getId(), "email=seats%40example.com&name=Seats&card=4242424242424242")
                .statusCode()).isEqualTo(303);
        return stripe().v1().checkout().sessions().retrieve(session.getId(),
                SessionRetrieveParams.builder().addExpand("subscription").build()).getSubscriptionObject();
    }

    @Autowired
    SandboxClockService sandboxClock;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_new_card_entered_in_the_portal_pays_the_past_due_invoice_and_the_subscription_is_active() throws Exception {
        Subscription subscription = subscribe();
        stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
        long now = stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime();
        stripe().v1().testHelpers().testClocks().advance("clock_sandbox",
                TestClockAdvanceParams.builder().setFrozenTime(now + 32 * 86_400L).build());
        assertThat(stripe().v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("past_due");

        com.stripe.model.billingportal.Session portal = stripe().v1().billingPortal().sessions().create(
                SessionCreateParams.builder().setCustomer(subscription.getCustomer())
                        .setReturnUrl("https://shop.example/back").setLocale(SessionCreateParams.Locale.DE)
                        .setFlowData(SessionCreateParams.FlowData.builder()
                                .setType(SessionCreateParams.FlowData.Type.PAYMENT_METHOD_UPDATE).build())
                        .build());
        assertThat(portal.getFlow().getType()).isEqualTo("payment_method_update");
        assertThat(portal.getLocale()).isEqualTo("de");
        String page = http.send(HttpRequest.newBuilder(URI.create(portal.getUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Die letzte Zahlung ist fehlgeschlagen", "/payment-method/" + subscription.getId());

        String form = URI.create(portal.getUrl()).getPath() + "/payment-method/" + subscription.getId();
        HttpResponse<String> declined = post(form, "card=4000000000000002");
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("card-error");
        assertThat(stripe().v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("past_due");

        HttpResponse<String> updated = post(form, "card=4242424242424242");

        assertThat(updated.statusCode()).isEqualTo(303);
        Subscription active = stripe().v1().subscriptions().retrieve(subscription.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(active.getDefaultPaymentMethod()).isNotEqualTo(subscription.getDefaultPaymentMethod());
        assertThat(stripe().v1().invoices().retrieve(active.getLatestInvoice()).getStatus()).isEqualTo("paid");
    }
}
