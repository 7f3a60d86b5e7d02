package com.commercehub.sandbox;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription checkout on the hosted page, then renewals (paid and failed) by advancing the sandbox clock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubscriptionSandboxIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    private Subscription subscribe(String card) throws Exception {
        return subscribe(card, null);
    }

    private Subscription subscribe(String card, Long trialDays) throws Exception {
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Support plan").build());
        Price monthly = stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setUnitAmount(4_900L)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(2L).build());
        if (trialDays == null) {
            params.addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur").setUnitAmount(5_000L)
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Setup").build())
                            .build()).build());
        }
        Session session = stripe().v1().checkout().sessions().create(params
                .setSubscriptionData(trialDays == null ? null
                        : SessionCreateParams.SubscriptionData.builder().setTrialPeriodDays(trialDays).build())
                .setSuccessUrl("https://shop.example/ok").build());
        HttpResponse<Void> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/checkout/" + session.getId()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=sub%40example.com&name=Sub&card=" + card)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(paid.statusCode()).isEqualTo(303);
        Session completed = stripe().v1().checkout().sessions().retrieve(session.getId(),
                SessionRetrieveParams.builder().addExpand("subscription").build());
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getCustomer()).startsWith("cus_");
        return completed.getSubscriptionObject();
    }

    private void advanceDays(long days) throws Exception {
        long now = stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime();
        stripe().v1().testHelpers().testClocks().advance("clock_sandbox",
                TestClockAdvanceParams.builder().setFrozenTime(now + days * 86_400L).build());
    }

    private List<Invoice> invoices(Subscription subscription) throws Exception {
        return stripe().v1().invoices().list(InvoiceListParams.builder().setSubscription(subscription.getId()).build()).getData();
    }

    @Autowired
    SandboxClockService sandboxClock;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void checkout_creates_an_active_subscription_with_a_paid_first_invoice_and_renewals_are_charged() throws Exception {
        Subscription subscription = subscribe("4242424242424242");
        assertThat(subscription.getId()).startsWith("sub_");
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getItems().getData()).singleElement().satisfies(item -> {
            assertThat(item.getQuantity()).isEqualTo(2L);
            assertThat(item.getPrice().getUnitAmount()).isEqualTo(4_900L);
        });
        Invoice first = stripe().v1().invoices().retrieve(subscription.getLatestInvoice());
        assertThat(first.getStatus()).isEqualTo("paid");
        assertThat(first.getAmountPaid()).isEqualTo(2 * 4_900L + 5_000L);
        assertThat(first.getBillingReason()).isEqualTo("subscription_create");
        assertThat(first.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());

        long periodEnd = subscription.getItems().getData().getFirst().getCurrentPeriodEnd();
        advanceDays(32);
        Subscription renewed = stripe().v1().subscriptions().retrieve(subscription.getId());
        assertThat(renewed.getStatus()).isEqualTo("active");
        assertThat(renewed.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(periodEnd);
        Invoice second = stripe().v1().invoices().retrieve(renewed.getLatestInvoice());
        assertThat(second.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(second.getAmountPaid()).isEqualTo(2 * 4_900L);
        assertThat(invoices(subscription)).hasSize(2);
    }

    @Test
    void a_card_that_attaches_but_fails_later_makes_the_renewal_fail_and_the_subscription_past_due() throws Exception {
        Subscription trial = subscribe("4000000000000341", 7L);
        assertThat(trial.getStatus()).isEqualTo("trialing");
        Invoice first = stripe().v1().invoices().retrieve(trial.getLatestInvoice());
        assertThat(first.getAmountDue()).isZero();

        advanceDays(8);
        Subscription pastDue = stripe().v1().subscriptions().retrieve(trial.getId());
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        Invoice renewal = stripe().v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertThat(renewal.getStatus()).isEqualTo("open");
        assertThat(renewal.getAmountDue()).isEqualTo(2 * 4_900L);
        assertThat(stripe().v1().events().list(com.stripe.param.EventListParams.builder()
                .setType("invoice.payment_failed").build()).getData())
                .anySatisfy(event -> assertThat(event.getDataObjectDeserializer().getRawJson()).contains(renewal.getId()));
    }

    @Test
    void quantity_changes_are_prorated_now_or_on_the_next_renewal() throws Exception {
        Subscription subscription = subscribe("4242424242424242");
        String item = subscription.getItems().getData().getFirst().getId();
        Subscription invoicedNow = stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setQuantity(3L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).build());
        assertThat(invoicedNow.getItems().getData().getFirst().getQuantity()).isEqualTo(3L);
        Invoice proration = stripe().v1().invoices().retrieve(invoicedNow.getLatestInvoice());
        assertThat(proration.getBillingReason()).isEqualTo("subscription_update");
        assertThat(proration.getStatus()).isEqualTo("paid");
        // One more seat for (almost) the whole month.
        assertThat(proration.getAmountPaid()).isBetween(4_880L, 4_900L);

        Subscription later = stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item).setQuantity(4L).build()).build());
        assertThat(later.getLatestInvoice()).isEqualTo(proration.getId());

        advanceDays(32);
        Invoice renewal = stripe().v1().invoices().retrieve(
                stripe().v1().subscriptions().retrieve(subscription.getId()).getLatestInvoice());
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getLines().getData()).hasSize(2);
        assertThat(renewal.getAmountPaid()).isBetween(4 * 4_900L + 4_880L, 4 * 4_900L + 4_900L);
    }

    @Test
    void a_paused_subscription_is_not_charged_until_resumed() throws Exception {
        Subscription subscription = subscribe("4242424242424242");
        Subscription paused = stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .setPauseCollection(SubscriptionUpdateParams.PauseCollection.builder()
                        .setBehavior(SubscriptionUpdateParams.PauseCollection.Behavior.VOID).build()).build());
        assertThat(paused.getPauseCollection().getBehavior()).isEqualTo("void");
        advanceDays(32);
        Invoice whilePaused = stripe().v1().invoices().retrieve(
                stripe().v1().subscriptions().retrieve(subscription.getId()).getLatestInvoice());
        assertThat(whilePaused.getStatus()).isEqualTo("void");
        assertThat(whilePaused.getAmountPaid()).isZero();

        Subscription resumed = stripe().v1().subscriptions().resume(subscription.getId());
        assertThat(resumed.getPauseCollection()).isNull();
        advanceDays(32);
        Invoice afterResume = stripe().v1().invoices().retrieve(
                stripe().v1().subscriptions().retrieve(subscription.getId()).getLatestInvoice());
        assertThat(afterResume.getStatus()).isEqualTo("paid");
        assertThat(afterResume.getAmountPaid()).isEqualTo(2 * 4_900L);
    }

    @Test
    void cancel_at_period_end_ends_it_at_renewal_and_cancel_now_ends_it_at_once() throws Exception {
        Subscription atEnd = subscribe("4242424242424242");
        Subscription updated = stripe().v1().subscriptions().update(atEnd.getId(),
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
        assertThat(updated.getCancelAtPeriodEnd()).isTrue();
        assertThat(updated.getStatus()).isEqualTo("active");

        Subscription now = subscribe("4242424242424242");
        Subscription canceled = stripe().v1().subscriptions().cancel(now.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");

        advanceDays(32);
        assertThat(stripe().v1().subscriptions().retrieve(atEnd.getId()).getStatus()).isEqualTo("canceled");
        assertThat(invoices(atEnd)).hasSize(1);
    }
}
