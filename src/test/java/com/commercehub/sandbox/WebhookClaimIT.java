package com.commercehub.sandbox;

import com.stripe.StripeClient;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two senders (as on two nodes) polling one queue towards a slow endpoint: a delivery is claimed right before it is
 * sent, so a claim never runs out while the batch before it is still being sent, and nothing goes out twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.sandbox.webhooks.lease=PT2S", "hub.sandbox.webhooks.poll-interval=PT1H"})
@ActiveProfiles("test")
class WebhookClaimIT {

    @LocalServerPort
    int port;
    @Autowired
    com.commercehub.base.payments.SandboxApiKey sandboxKey;
    @Autowired
    WebhookSender sender;

    private HttpServer receiver;
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void startSlowReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/stripe/webhook", exchange -> {
            String id = json.readTree(exchange.getRequestBody().readAllBytes()).get("id").asText();
            deliveries.merge(id, 1, Integer::sum);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
    }

    private String endpointId;

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.stop(0);
        // Tests share the sandbox: an endpoint left behind would get (and fail) every later customer.created.
        if (endpointId != null) {
            StripeClient.builder().setApiKey(sandboxKey.secretKey())
                    .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build()
                    .v1().webhookEndpoints().delete(endpointId);
        }
    }

    @Test
    void two_senders_polling_at_once_deliver_each_event_once_even_when_a_batch_outlasts_the_lease() throws Exception {
        StripeClient stripe = StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
        endpointId = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED).build()).getId();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setEmail("claim" + i + "@example.com").build()).getId());
        }
        // Ten sends of 0.3 s take longer than the 2 s lease: a batch claimed at once would be claimed again.
        Instant deadline = Instant.now().plusSeconds(30);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> polling = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                polling.add(nodes.submit(() -> {
                    while (deliveries.size() < customers.size() && Instant.now().isBefore(deadline)) {
                        sender.deliverDue();
                    }
                    return null;
                }));
            }
            for (Future<?> poller : polling) {
                poller.get(40, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(deliveries).hasSize(customers.size());
        assertThat(deliveries.values()).as("deliveries per event").containsOnly(1);
    }
}
