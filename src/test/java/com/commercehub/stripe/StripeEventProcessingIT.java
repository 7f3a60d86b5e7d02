package com.commercehub.stripe;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored events are processed after commit by the worker: once, whatever the deliveries; retried with
 * backoff; FAILED with the reason after the last try; retried by an admin. Real HTTP, signed events,
 * the embedded MariaDB.
 */
class StripeEventProcessingIT extends EventProcessingTestSupport {

    @Autowired
    StripeEventWorker worker;
    @Autowired
    StripeEventStore store;
    @Autowired
    StripeEventService service;

    @Test
    void an_event_delivered_three_times_at_once_is_stored_once_and_handled_once() throws Exception {
        String id = newId();
        String body = event(id, "test.counted");
        String signature = sign(body);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return post(body, signature);
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        assertThat(stored(id)).isEqualTo(1);
        awaitState(id, "PROCESSED", 10);
        // And later deliveries (Stripe retries for days) change nothing either.
        assertThat(post(body, sign(body))).isEqualTo(200);
        Thread.sleep(600);
        assertThat(handler.calls(id)).isEqualTo(1);
        assertThat(effects(id)).isEqualTo(1);
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void an_event_type_nobody_handles_is_answered_2xx_stored_and_ignored() {
        String id = newId();
        String body = event(id, "test.nobody_handles");
        assertThat(post(body, sign(body))).isEqualTo(200);
        awaitState(id, "IGNORED", 10);
        assertThat(attempts(id)).isZero();
        assertThat(handler.calls(id)).isZero();
    }

    @Test
    void a_handler_that_fails_twice_then_succeeds_is_processed_on_the_third_try_and_only_its_work_commits() {
        String id = newId();
        String body = event(id, "test.flaky");
        assertThat(post(body, sign(body))).isEqualTo(200);
        awaitState(id, "PROCESSED", 15);
        assertThat(attempts(id)).isEqualTo(3);
        assertThat(handler.calls(id)).isEqualTo(3);
        // The two failed tries wrote a row each too, rolled back with them; the PROCESSED mark and the
        // successful try's row committed together.
        assertThat(effects(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT attempt FROM test_handler_effect WHERE event_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT last_error FROM stripe_event WHERE id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void an_always_failing_event_is_failed_with_the_reason_and_an_admin_retry_processes_it() {
        handler.broken = true;
        String id = newId();
        String body = event(id, "test.broken");
        assertThat(post(body, sign(body))).isEqualTo(200);
        awaitState(id, "FAILED", 15);
        assertThat(attempts(id)).isEqualTo(MAX_ATTEMPTS);
        assertThat(effects(id)).isZero();
        FailedStripeEvent failed = AsAdmin.call(() -> service.failed(0, 500)).stream()
                .filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertThat(failed.type()).isEqualTo("test.broken");
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).isEqualTo("ScriptedHandler: IllegalStateException: broken on purpose");
        assertThat(failed.receivedAt()).isNotNull();
        assertThat(AsAdmin.call(service::counts).failed()).isPositive();
        assertThatThrownBy(() -> service.retry(id)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        handler.broken = false;
        assertThat(AsAdmin.call(() -> service.retry(id))).isTrue();
        awaitState(id, "PROCESSED", 10);
        assertThat(attempts(id)).isEqualTo(MAX_ATTEMPTS + 1);
        assertThat(effects(id)).isEqualTo(1);
        assertThat(AsAdmin.call(() -> service.retry(id))).as("no longer failed").isFalse();
    }

    @Test
    void workers_racing_for_the_same_events_handle_each_one_once() throws Exception {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> newId()).toList();
        for (String id : ids) {
            // Stored without telling this node's worker: the racers below (and the sweep) find them.
            store.insert(new StoredEvent(id, "acct_test", "test.slow", "2026-07-29.dahlia", Instant.now().getEpochSecond(),
                    event(id, "test.slow"), 0), StripeEventStore.Source.WEBHOOK, Instant.now());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<StripeEventWorker.Outcome>>> racers = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
            for (int racer = 0; racer < 4; racer++) {
                List<String> order = new ArrayList<>(ids);
                Collections.shuffle(order);
                racers.add(nodes.submit(() -> {
                    start.await();
                    return order.stream().map(worker::process).toList();
                }));
            }
            start.countDown();
            long processedByRacers = 0;
            for (Future<List<StripeEventWorker.Outcome>> racer : racers) {
                processedByRacers += racer.get().stream().filter(o -> o == StripeEventWorker.Outcome.PROCESSED).count();
            }
            assertThat(processedByRacers).isLessThanOrEqualTo(ids.size());
        }
        for (String id : ids) {
            awaitState(id, "PROCESSED", 10);
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(handler.calls(id)).as("handler calls for %s", id).isEqualTo(1);
            assertThat(effects(id)).isEqualTo(1);
        });
    }

    @Test
    void a_tampered_or_unsigned_event_is_400_and_nothing_is_stored() {
        String id = newId();
        String body = event(id, "test.counted");
        String signature = sign(body);
        assertThat(post(body.replace("test.counted", "test.flaky"), signature)).isEqualTo(400);
        assertThat(post(body, "t=1,v1=00")).isEqualTo(400);
        assertThat(stored(id)).isZero();
        assertThat(handler.calls(id)).isZero();
    }
}
