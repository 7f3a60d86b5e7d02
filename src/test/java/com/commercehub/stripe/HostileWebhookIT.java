package com.commercehub.stripe;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletInputStream;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile deliveries to {@code /stripe/webhook} (docs/RELIABILITY.md, "Hostile input"): what a forger, a replayer
 * or a broken sender can send, over real HTTP, signed with the real secret where a signature is what they have.
 */
class HostileWebhookIT extends EventProcessingTestSupport {

    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;

    private long storedContaining(String marker) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE payload LIKE :marker")
                .param("marker", "%" + marker + "%").query(Long.class).single();
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_signed_five_megabyte_body_is_413_whether_its_length_is_announced_or_chunked_and_nothing_is_stored()
            throws Exception {
        String id = newId();
        String event = event(id, "test.counted");
        String body = event.substring(0, event.length() - 1) + ",\"padding\":\"" + "x".repeat(FIVE_MEGABYTES) + "\"}";
        String signature = sign(body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> announced = send(HttpRequest.BodyPublishers.ofByteArray(bytes), signature);
        HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                signature);

        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).isEqualTo("body too large");
        assertThat(stored(id)).isZero();
        assertThat(handler.calls(id)).isZero();
    }

    @Test
    void an_endless_chunked_body_is_refused_after_reading_one_byte_more_than_the_limit() throws Exception {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }
        };
        MockHttpServletRequest streaming = new MockHttpServletRequest("POST", "/stripe/webhook") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(endless);
            }
        };
        // The controller itself, without Spring: the limit is its own, before any secret or database is asked.
        var controller = new StripeWebhookController(null, null, Clock.systemUTC());
        var answer = controller.receive(streaming, "t=1,v1=00");
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(read[0]).isEqualTo(StripeWebhookController.MAX_BODY_BYTES + 1L);
    }

    @Test
    void correctly_signed_bodies_that_are_not_a_stripe_event_are_400_and_nothing_is_stored() throws Exception {
        String marker = "hostile" + UUID.randomUUID().toString().replace("-", "");
        List<String> notEvents = List.of(
                "{\"id\":\"evt_" + marker + "\",\"object\":\"event\",\"type\":",          // cut off
                "[\"" + marker + "\"]",                                                    // JSON, not an object
                "\"" + marker + "\"",
                "{\"id\":\"evt_" + marker + "\",\"object\":\"charge\",\"type\":\"x\",\"created\":1}", // not an event
                "{\"object\":\"event\",\"type\":\"charge.succeeded\",\"created\":1,\"note\":\"" + marker + "\"}", // no id
                "{\"id\":\"evt_" + marker + "\",\"object\":\"event\",\"type\":\"charge.succeeded\",\"created\":\"soon\"}",
                "{\"id\":\"" + "e".repeat(300) + marker + "\",\"object\":\"event\",\"type\":\"t\",\"created\":1}", // id too long
                "\u0000\u0001" + marker);
        for (String body : notEvents) {
            HttpResponse<String> answer = send(HttpRequest.BodyPublishers.ofString(body), sign(body));
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).isEqualTo("malformed event");
        }
        assertThat(storedContaining(marker)).isZero();
    }

    @Test
    void an_event_of_an_account_that_is_not_connected_is_taken_once_and_changes_nothing_here() throws Exception {
        StripeConnectionInfo before = connections.info();
        long paymentsBefore = payments();
        String account = "acct_unknown" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String accountEvent = newId();
        String checkoutEvent = newId();
        String accountBody = withAccount(event(accountEvent, "account.updated"), account);
        String checkoutBody = withAccount(event(checkoutEvent, "checkout.session.completed")
                .replace("\"object\":\"charge\"", "\"object\":\"checkout.session\""), account);

        // Stripe must not retry forever: the genuine delivery of a foreign account's event is still a 2xx.
        assertThat(post(accountBody, sign(accountBody))).isEqualTo(200);
        assertThat(post(checkoutBody, sign(checkoutBody))).isEqualTo(200);

        assertThat(jdbc.sql("SELECT account_id FROM stripe_event WHERE id = :id").param("id", checkoutEvent)
                .query(String.class).single()).isEqualTo(account);
        awaitState(accountEvent, "PROCESSED", 10);
        // A checkout of another account is not read with this account's key: it fails visibly, for an admin to see.
        awaitState(checkoutEvent, "FAILED", 15);
        assertThat(jdbc.sql("SELECT last_error FROM stripe_event WHERE id = :id").param("id", checkoutEvent)
                .query(String.class).single()).contains(account);
        assertThat(payments()).isEqualTo(paymentsBefore);
        StripeConnectionInfo after = connections.info();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(connections.active().orElseThrow().accountId()).isNotEqualTo(account);
    }

    private long payments() {
        return jdbc.sql("SELECT COUNT(*) FROM payment").query(Long.class).single();
    }

    private static String withAccount(String event, String account) {
        return event.substring(0, event.length() - 1) + ",\"account\":\"" + account + "\"}";
    }

    @Test
    void a_thousand_concurrent_deliveries_of_one_event_store_one_row_and_run_its_handler_once() throws Exception {
        String id = newId();
        String body = event(id, "test.counted");
        String signature = sign(body);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 1_000; i++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return post(body, signature);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            Map<Integer, Long> byStatus = statuses.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus).isEqualTo(Map.of(200, 1_000L));
        }
        System.out.printf("[hostile] 1000 concurrent deliveries of one event answered in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(stored(id)).isEqualTo(1);
        awaitState(id, "PROCESSED", 15);
        Thread.sleep(500);
        assertThat(handler.calls(id)).isEqualTo(1);
        assertThat(effects(id)).isEqualTo(1);
        assertThat(attempts(id)).isEqualTo(1);
    }
}
