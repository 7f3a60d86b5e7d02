package com.commercehub.sandbox;

import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's webhook sender against a plain HTTP receiver: Stripe's signature, retries, chaos mode. On a database of
 * its own: in the shared one, every other test's endpoints get (and may fail) the same events, and "was every delivery
 * of this event acknowledged" would be about them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.db.database=hub_webhooks")
@ActiveProfiles("test")
class WebhookDeliveryIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    WebhookSender sender;

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void onlyThisAppsEndpointRemains() throws Exception {
        // Receivers of earlier runs on this database are gone; their endpoints would keep events undelivered.
        for (WebhookEndpoint left : stripe().v1().webhookEndpoints().list(
                com.stripe.param.WebhookEndpointListParams.builder().setLimit(100L).build()).getData()) {
            if (!left.getUrl().contains(":" + port + "/")) {
                stripe().v1().webhookEndpoints().delete(left.getId());
            }
        }
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/stripe/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                bodies.add(body);
                signatures.add(exchange.getRequestHeaders().getFirst("Stripe-Signature"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        sender.shuffleAndDuplicate(false);
        receiver.stop(0);
    }

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    private WebhookEndpoint endpoint() throws Exception {
        return stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED).build());
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Test
    void events_are_signed_as_stripe_signs_and_verify_with_stripe_java() throws Exception {
        WebhookEndpoint endpoint = endpoint();
        String customer = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("hook@example.com").build()).getId();
        await(() -> bodies.stream().anyMatch(b -> b.contains(customer)), 10);
        int index = bodies.stream().filter(b -> b.contains(customer)).findFirst().map(bodies::indexOf).orElseThrow();
        Event event = Webhook.constructEvent(bodies.get(index), signatures.get(index), endpoint.getSecret());
        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(event.getApiVersion()).isEqualTo("2026-07-29.dahlia");
        assertThat(event.getDataObjectDeserializer().getObject()).isPresent();
        stripe().v1().webhookEndpoints().delete(endpoint.getId());
    }

    @Test
    void failed_deliveries_are_retried_with_backoff_until_acknowledged() throws Exception {
        WebhookEndpoint endpoint = endpoint();
        failuresLeft.set(1);
        String customer = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("retry@example.com").build()).getId();
        await(() -> bodies.stream().anyMatch(b -> b.contains(customer)), 15);
        assertThat(bodies.stream().filter(b -> b.contains(customer))).hasSize(1);
        String eventId = stripe().v1().events().list(EventListParams.builder().setType("customer.created").build())
                .getData().stream().filter(e -> e.toJson().contains(customer)).findFirst().orElseThrow().getId();
        await(() -> !undelivered().contains(eventId), 3);
        assertThat(undelivered()).doesNotContain(eventId);
        stripe().v1().webhookEndpoints().delete(endpoint.getId());
    }

    private List<String> undelivered() {
        try {
            return stripe().v1().events().list(EventListParams.builder().setDeliverySuccess(false).setLimit(100L).build())
                    .getData().stream().map(Event::getId).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chaos_switch_delivers_every_event_twice() throws Exception {
        WebhookEndpoint endpoint = endpoint();
        sender.shuffleAndDuplicate(true);
        String customer = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("chaos@example.com").build()).getId();
        await(() -> bodies.stream().filter(b -> b.contains(customer)).count() >= 2, 10);
        assertThat(bodies.stream().filter(b -> b.contains(customer))).hasSize(2);
        stripe().v1().webhookEndpoints().delete(endpoint.getId());
    }
}
