package com.commercehub.automation;

import com.commercehub.crm.ContactSummary;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.testsupport.AsAdmin;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed deliveries to a real local HTTP receiver that fails at first; retries, the log, resend, SSRF refusals. */
class OutboundWebhookIT extends AutomationTestSupport {

    record Received(String signature, String eventId, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private String url;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/commerce", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Hub-Signature"),
                    exchange.getRequestHeaders().getFirst("Hub-Event-Id"), body));
            boolean fail = failuresLeft.getAndDecrement() > 0;
            byte[] answer = (fail ? "not yet" : "ok, thanks").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/commerce";
        allowPrivate(true); // the receiver is on loopback: allowed through the admin's setting, as documented
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_payment_webhook_is_signed_retried_with_backoff_logged_and_resent() throws Exception {
        long endpointId = endpoint(url);
        String secret = AsAdmin.call(() -> endpoints.secret(endpointId)).orElseThrow();
        activeWorkflow(new WorkflowDraft("Tell the ERP", Trigger.PAYMENT_SUCCEEDED, null, Delay.NONE,
                List.of(WorkflowAction.webhook(endpointId))));
        ContactSummary b = buyer("Hook", Locale.ENGLISH);
        long paymentId = payment(deal(b), b, PaymentStatus.SUCCEEDED, "10.00");
        failuresLeft.set(2);

        scheduler.runOnce();
        webhookSender.runOnce();
        assertThat(received).hasSize(1);
        webhookSender.runOnce();
        assertThat(received).as("not due again before the backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        webhookSender.runOnce();
        assertThat(received).hasSize(2);
        clock.advance(Duration.ofSeconds(19));
        webhookSender.runOnce();
        assertThat(received).as("second wait is 20 s").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        webhookSender.runOnce();
        assertThat(received).hasSize(3);

        for (Received r : received) {
            assertThat(IndependentVerifier.verify(secret, r.signature(), r.body(), clock.instant().getEpochSecond()))
                    .as(r.signature()).isTrue();
            assertThat(IndependentVerifier.verify("whsec_wrong", r.signature(), r.body(),
                    clock.instant().getEpochSecond())).isFalse();
        }
        JsonNode event = JsonMapper.builder().build().readTree(received.getFirst().body());
        assertThat(event.get("type").asString()).isEqualTo("payment.succeeded");
        assertThat(event.get("id").asString()).isEqualTo(received.getFirst().eventId()).startsWith("evt_wf_");
        assertThat(event.get("created").asString()).isNotBlank();
        JsonNode record = event.get("data").get("record");
        assertThat(record.get("type").asString()).isEqualTo("payment");
        assertThat(record.get("id").asLong()).isEqualTo(paymentId);
        assertThat(record.get("currency").asString()).isEqualTo("EUR");
        assertThat(record.get("customer_email").asString()).isEqualTo(b.email());
        assertThat(received).extracting(Received::eventId).containsOnly(received.getFirst().eventId());

        var delivery = AsAdmin.call(() -> endpoints.deliveries(endpointId, 0, 10)).getFirst();
        assertThat(delivery.status()).isEqualTo("DELIVERED");
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastStatusCode()).isEqualTo(200);
        var attempts = AsAdmin.call(() -> endpoints.attempts(delivery.id()));
        assertThat(attempts).extracting(WebhookEndpointService.Attempt::statusCode).containsExactly(500, 500, 200);
        assertThat(attempts).extracting(WebhookEndpointService.Attempt::bodyExcerpt)
                .containsExactly("not yet", "not yet", "ok, thanks");
        assertThat(attempts).allSatisfy(a -> assertThat(a.durationMs()).isNotNegative());

        AsAdmin.call(() -> {
            endpoints.resend(delivery.id());
            return null;
        });
        webhookSender.runOnce();
        assertThat(received).hasSize(4);
        assertThat(received.getLast().eventId()).isEqualTo(received.getFirst().eventId());
        assertThat(AsAdmin.call(() -> endpoints.attempts(delivery.id()))).hasSize(4);
    }

    @Test
    void a_receiver_failing_for_a_day_ends_in_failed() {
        long endpointId = endpoint(url);
        activeWorkflow(new WorkflowDraft("Always failing", Trigger.PAYMENT_FAILED, null, Delay.NONE,
                List.of(WorkflowAction.webhook(endpointId))));
        ContactSummary b = buyer("Down", Locale.ENGLISH);
        payment(deal(b), b, PaymentStatus.FAILED, "10.00");
        failuresLeft.set(1000);
        scheduler.runOnce();
        webhookSender.runOnce();
        clock.advance(Duration.ofHours(23));
        webhookSender.runOnce();
        assertThat(AsAdmin.call(() -> endpoints.deliveries(endpointId, 0, 1)).getFirst().status()).isEqualTo("PENDING");
        clock.advance(Duration.ofHours(1));
        webhookSender.runOnce();
        var delivery = AsAdmin.call(() -> endpoints.deliveries(endpointId, 0, 1)).getFirst();
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void private_and_loopback_addresses_are_refused_unless_an_admin_allows_them() {
        allowPrivate(false);
        for (String address : List.of(url, "http://localhost/hook", "http://10.1.2.3/hook", "http://192.168.0.10/",
                "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                "http://[fd12:3456::1]/hook", "http://0.0.0.0/")) {
            assertThatThrownBy(() -> AsAdmin.call(() -> endpoints.create("Internal", address)))
                    .as(address).isInstanceOfSatisfying(WorkflowValidationException.class,
                            e -> assertThat(e.problems()).containsEntry("url", "webhooks.out.url.private"));
        }
        for (String address : List.of("ftp://example.com/", "file:///etc/passwd", "not a url", "http://user:pw@example.com/")) {
            assertThatThrownBy(() -> AsAdmin.call(() -> endpoints.create("Odd", address))).as(address)
                    .isInstanceOfSatisfying(WorkflowValidationException.class,
                            e -> assertThat(e.problems()).containsEntry("url", "webhooks.out.url.invalid"));
        }

        // Allowed when it was saved, refused at delivery once the admin switched private addresses off again.
        allowPrivate(true);
        long endpointId = endpoint(url);
        activeWorkflow(new WorkflowDraft("Internal tool", Trigger.PAYMENT_SUCCEEDED, null, Delay.NONE,
                List.of(WorkflowAction.webhook(endpointId))));
        ContactSummary b = buyer("Private", Locale.ENGLISH);
        payment(deal(b), b, PaymentStatus.SUCCEEDED, "10.00");
        allowPrivate(false);
        scheduler.runOnce();
        webhookSender.runOnce();
        assertThat(received).isEmpty();
        var delivery = AsAdmin.call(() -> endpoints.deliveries(endpointId, 0, 1)).getFirst();
        assertThat(AsAdmin.call(() -> endpoints.attempts(delivery.id()))).singleElement()
                .satisfies(a -> assertThat(a.error()).startsWith("refused"));
    }

    private void allowPrivate(boolean allow) {
        AsAdmin.call(() -> workflows.updateSettings(new AutomationSettings(ZoneId.of("Europe/Berlin"), 9, allow)));
    }

    /** What a receiving tool would write from the README: recompute the HMAC over "t.body", compare, check age. */
    static final class IndependentVerifier {

        static boolean verify(String secret, String header, String body, long nowSeconds) throws Exception {
            Map<String, String> parts = new java.util.HashMap<>();
            for (String part : header.split(",")) {
                String[] kv = part.split("=", 2);
                parts.put(kv[0].strip(), kv[1].strip());
            }
            long t = Long.parseLong(parts.get("t"));
            if (Math.abs(nowSeconds - t) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
        }
    }
}
