package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's objects against Stripe's own example objects (the resources this test needs from
 * stripe/openapi's fixtures3.json, kept in src/test/resources/stripe with their MIT notice) and stripe-java's
 * models (which are newer than the fixtures): no field Stripe does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StripeShapeIT {

    private static final String FIXTURES = "/stripe/fixtures3.json";

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode raw(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stripe" + path))
                .header("Authorization", "Bearer " + sandboxKey.secretKey()).build();
        return json.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void every_field_the_sandbox_returns_is_a_field_stripe_has() throws Exception {
        JsonNode resources;
        try (InputStream fixtures = StripeShapeIT.class.getResourceAsStream(FIXTURES)) {
            assertThat(fixtures).as("Stripe's fixtures on the test classpath").isNotNull();
            resources = json.readTree(fixtures).get("resources");
        }
        StripeClient stripe = StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();

        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("shape@example.com").build());
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Shape").build());
        Price price = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1_000L).build());
        String coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN)
                .setDuration(CouponCreateParams.Duration.ONCE).build()).getId();
        String taxRate = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(BigDecimal.TEN).setInclusive(false).build()).getId();
        String session = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setSuccessUrl("https://x.example/ok")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build()).build()).getId();
        PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2_000L)
                .setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build());
        String refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(500L).build()).getId();
        String charge = intent.getLatestCharge();
        String transaction = stripe.v1().charges().retrieve(charge).getBalanceTransaction();
        String endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://localhost:9/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHARGE__SUCCEEDED).build()).getId();

        Map<String, Class<?>> models = Map.ofEntries(Map.entry("account", com.stripe.model.Account.class),
                Map.entry("customer", Customer.class), Map.entry("product", Product.class), Map.entry("price", Price.class),
                Map.entry("coupon", com.stripe.model.Coupon.class), Map.entry("tax_rate", com.stripe.model.TaxRate.class),
                Map.entry("checkout.session", com.stripe.model.checkout.Session.class),
                Map.entry("payment_intent", PaymentIntent.class), Map.entry("charge", com.stripe.model.Charge.class),
                Map.entry("refund", com.stripe.model.Refund.class),
                Map.entry("balance_transaction", com.stripe.model.BalanceTransaction.class),
                Map.entry("webhook_endpoint", com.stripe.model.WebhookEndpoint.class),
                Map.entry("country_spec", com.stripe.model.CountrySpec.class), Map.entry("event", com.stripe.model.Event.class),
                Map.entry("payment_link", com.stripe.model.PaymentLink.class));
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("account", "/v1/account");
        objects.put("customer", "/v1/customers/" + customer.getId());
        objects.put("product", "/v1/products/" + product.getId());
        objects.put("price", "/v1/prices/" + price.getId());
        objects.put("coupon", "/v1/coupons/" + coupon);
        objects.put("tax_rate", "/v1/tax_rates/" + taxRate);
        objects.put("checkout.session", "/v1/checkout/sessions/" + session);
        objects.put("payment_intent", "/v1/payment_intents/" + intent.getId());
        objects.put("charge", "/v1/charges/" + charge);
        objects.put("refund", "/v1/refunds/" + refund);
        objects.put("balance_transaction", "/v1/balance_transactions/" + transaction);
        objects.put("webhook_endpoint", "/v1/webhook_endpoints/" + endpoint);
        objects.put("country_spec", "/v1/country_specs/US");
        String link = stripe.v1().paymentLinks().create(com.stripe.param.PaymentLinkCreateParams.builder()
                .addLineItem(com.stripe.param.PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId())
                        .setQuantity(1L).build()).build()).getId();
        objects.put("payment_link", "/v1/payment_links/" + link);
        objects.put("event", "/v1/events/" + stripe.v1().events().list().getData().getFirst().getId());

        List<String> invented = new ArrayList<>();
        for (var entry : objects.entrySet()) {
            JsonNode ours = raw(entry.getValue());
            JsonNode theirs = resources.get(entry.getKey());
            assertThat(theirs).as("Stripe's example " + entry.getKey()).isNotNull();
            assertThat(ours.get("object").asText()).as(entry.getKey()).isEqualTo(entry.getKey());
            Set<String> stripeFields = new TreeSet<>(theirs.propertyNames());
            for (Class<?> type = models.get(entry.getKey()); type != null; type = type.getSuperclass()) {
                for (var field : type.getDeclaredFields()) {
                    var name = field.getAnnotation(com.google.gson.annotations.SerializedName.class);
                    if (name != null) {
                        stripeFields.add(name.value());
                    }
                }
            }
            for (String field : ours.propertyNames()) {
                if (!stripeFields.contains(field)) {
                    invented.add(entry.getKey() + "." + field);
                }
            }
        }
        assertThat(invented).as("fields Stripe's objects do not have").isEmpty();
    }
}
