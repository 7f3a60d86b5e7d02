package com.commercehub.sandbox;

import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.SetupIntent;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's subscription changes in Stripe's shapes through stripe-java: the upcoming-invoice preview, the
 * cancellation details, Checkout in setup mode, and Stripe's refusals (a canceled subscription, line items in
 * setup mode).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubscriptionChangesSandboxIT {

    @LocalServerPort
    int port;
    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    private HttpResponse<String> submit(String sessionId, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/checkout/" + sessionId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** €10 a month × 3, paid with 4242. */
    private Subscription subscribed() throws Exception {
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Seats").build());
        Price price = stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId()).setCurrency("eur")
                .setUnitAmount(1_000L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
        Session session = stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setSuccessUrl("https://shop.example/ok")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(3L).build()).build());
        assertThat(submit(session.getId(), "email=seats%40example.com&name=S&card=4242424242424242").statusCode()).isEqualTo(303);
        return stripe().v1().subscriptions().retrieve(stripe().v1().checkout().sessions().retrieve(session.getId()).getSubscription());
    }

    private Invoice preview(Subscription subscription, long quantity, InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior how)
            throws Exception {
        return stripe().v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(subscription.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder().setProrationBehavior(how)
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                                .setId(subscription.getItems().getData().getFirst().getId()).setQuantity(quantity).build())
                        .build()).build());
    }

    @Test
    void the_preview_shows_the_next_invoice_at_the_new_quantity_or_the_difference_billed_now_and_changes_nothing()
            throws Exception {
        Subscription subscription = subscribed();
        Invoice next = preview(subscription, 5, InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.NONE);
        assertThat(next.getObject()).isEqualTo("invoice");
        assertThat(next.getId()).startsWith("upcoming_in_");
        assertThat(next.getAmountDue()).isEqualTo(5_000L);
        assertThat(next.getNextPaymentAttempt()).isEqualTo(subscription.getItems().getData().getFirst().getCurrentPeriodEnd());
        Invoice now = preview(subscription, 5, InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE);
        assertThat(now.getBillingReason()).isEqualTo("subscription_update");
        assertThat(now.getAmountDue()).isBetween(1_900L, 2_000L);
        Invoice prorated = preview(subscription, 5, InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.CREATE_PRORATIONS);
        assertThat(prorated.getAmountDue()).isEqualTo(5_000L + now.getAmountDue());
        assertThat(stripe().v1().subscriptions().retrieve(subscription.getId()).getItems().getData().getFirst().getQuantity())
                .isEqualTo(3L);
    }

    @Test
    void cancellation_details_are_kept_and_a_canceled_subscription_refuses_updates_and_previews() throws Exception {
        Subscription subscription = subscribed();
        Subscription scheduled = stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .setCancelAtPeriodEnd(true).setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
                        .setComment("Too pricey").setFeedback(SubscriptionUpdateParams.CancellationDetails.Feedback.TOO_EXPENSIVE)
                        .build()).build());
        assertThat(scheduled.getCancellationDetails().getComment()).isEqualTo("Too pricey");
        assertThat(scheduled.getCancellationDetails().getFeedback()).isEqualTo("too_expensive");
        assertThat(scheduled.getCancellationDetails().getReason()).isEqualTo("cancellation_requested");
        assertThat(scheduled.getCancelAt()).isNotNull();

        Subscription canceled = stripe().v1().subscriptions().cancel(subscription.getId(), SubscriptionCancelParams.builder()
                .setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder().setComment("Now").build()).build());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationDetails().getComment()).isEqualTo("Now");
        assertThatThrownBy(() -> stripe().v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .setPauseCollection(SubscriptionUpdateParams.PauseCollection.builder()
                        .setBehavior(SubscriptionUpdateParams.PauseCollection.Behavior.VOID).build()).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("canceled subscription");
        assertThatThrownBy(() -> preview(subscription, 1, InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.NONE))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No upcoming invoices");
    }

    @Test
    void a_setup_session_saves_a_card_in_a_setup_intent_without_charging_or_changing_defaults() throws Exception {
        Subscription subscription = subscribed();
        Session session = stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP).setCustomer(subscription.getCustomer()).setCurrency("eur")
                .setSuccessUrl("https://shop.example/saved").putMetadata("purpose", "card")
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putMetadata("subscription", subscription.getId())
                        .build()).build());
        assertThat(session.getMode()).isEqualTo("setup");
        assertThat(session.getAmountTotal()).isNull();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/checkout/" + session.getId()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("id=\"pay\"").doesNotContain("Total");
        assertThat(submit(session.getId(), "card=4000000000000341").headers().firstValue("Location")).hasValue("https://shop.example/saved");

        Session completed = stripe().v1().checkout().sessions().retrieve(session.getId());
        assertThat(completed.getStatus()).isEqualTo("complete");
        SetupIntent intent = stripe().v1().setupIntents().retrieve(completed.getSetupIntent());
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getCustomer()).isEqualTo(subscription.getCustomer());
        assertThat(intent.getMetadata()).containsEntry("subscription", subscription.getId());
        assertThat(intent.getPaymentMethod()).startsWith("pm_");
        // As at Stripe: saving a card makes it nobody's default by itself.
        assertThat(stripe().v1().subscriptions().retrieve(subscription.getId()).getDefaultPaymentMethod())
                .isEqualTo(subscription.getDefaultPaymentMethod());

        assertThatThrownBy(() -> stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP).setSuccessUrl("https://shop.example/x")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice("price_x").setQuantity(1L).build()).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("line_items");
    }
}
