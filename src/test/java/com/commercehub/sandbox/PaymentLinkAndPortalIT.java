package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Payment links open a fresh Checkout Session; the billing portal lets a customer cancel at period end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentLinkAndPortalIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : "http://127.0.0.1:" + port + url))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Price price(PriceCreateParams.Recurring recurring) throws Exception {
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Newsletter").build());
        return stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId()).setCurrency("eur")
                .setUnitAmount(2_500L).setRecurring(recurring).build());
    }

    @Test
    void a_payment_link_starts_checkout_and_redirects_after_payment() throws Exception {
        Price price = price(null);
        PaymentLink link = stripe().v1().paymentLinks().create(PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(2L).build())
                .setAfterCompletion(PaymentLinkCreateParams.AfterCompletion.builder()
                        .setType(PaymentLinkCreateParams.AfterCompletion.Type.REDIRECT)
                        .setRedirect(PaymentLinkCreateParams.AfterCompletion.Redirect.builder()
                                .setUrl("https://shop.example/thanks").build()).build())
                .putMetadata("quote", "9").build());
        assertThat(link.getId()).startsWith("plink_");
        assertThat(link.getActive()).isTrue();
        assertThat(link.getUrl()).contains("/sandbox/pay/" + link.getId());

        HttpResponse<String> opened = get(link.getUrl());
        assertThat(opened.statusCode()).isEqualTo(303);
        String checkoutUrl = opened.headers().firstValue("Location").orElseThrow();
        String sessionId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
        Session session = stripe().v1().checkout().sessions().retrieve(sessionId);
        assertThat(session.getPaymentLink()).isEqualTo(link.getId());
        assertThat(session.getAmountTotal()).isEqualTo(5_000L);
        assertThat(session.getMetadata()).containsEntry("quote", "9");

        HttpResponse<String> paid = post("/sandbox/checkout/" + sessionId, "email=a%40example.com&card=4242424242424242");
        assertThat(paid.headers().firstValue("Location")).hasValue("https://shop.example/thanks");

        stripe().v1().paymentLinks().update(link.getId(), PaymentLinkUpdateParams.builder().setActive(false).build());
        assertThat(get(link.getUrl()).body()).contains("no longer active");
    }

    @Test
    void payment_links_take_at_most_20_line_items() throws Exception {
        Price price = price(null);
        PaymentLinkCreateParams.Builder params = PaymentLinkCreateParams.builder();
        for (int i = 0; i < 21; i++) {
            params.addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build());
        }
        InvalidRequestException tooMany = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().paymentLinks().create(params.build()));
        assertThat(tooMany.getParam()).isEqualTo("line_items");
    }

    @Test
    void the_billing_portal_cancels_a_subscription_at_period_end() throws Exception {
        Price monthly = price(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build());
        PaymentLink link = stripe().v1().paymentLinks().create(PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(1L).build()).build());
        String checkoutUrl = get(link.getUrl()).headers().firstValue("Location").orElseThrow();
        String sessionId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
        assertThat(post("/sandbox/checkout/" + sessionId, "email=p%40example.com&card=4242424242424242").body())
                .contains("Payment received");
        Session session = stripe().v1().checkout().sessions().retrieve(sessionId);
        assertThat(session.getMode()).isEqualTo("subscription");

        com.stripe.model.billingportal.Session portal = stripe().v1().billingPortal().sessions().create(
                SessionCreateParams.builder().setCustomer(session.getCustomer()).setReturnUrl("https://shop.example/account").build());
        assertThat(portal.getUrl()).contains("/sandbox/portal/" + portal.getId());
        HttpResponse<String> page = get(portal.getUrl());
        assertThat(page.body()).contains("Newsletter").contains("https://shop.example/account");

        HttpResponse<String> cancel = post("/sandbox/portal/" + portal.getId() + "/cancel/" + session.getSubscription(), "");
        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(stripe().v1().subscriptions().retrieve(session.getSubscription()).getCancelAtPeriodEnd()).isTrue();
        assertThat(get(portal.getUrl()).body()).contains("Ends at the end of the current period.");
    }
}
