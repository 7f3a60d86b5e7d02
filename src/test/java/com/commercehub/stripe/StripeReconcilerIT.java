package com.commercehub.stripe;

import com.commercehub.sandbox.SandboxAccountService;
import com.commercehub.sandbox.SandboxAccountService.AccountState;
import com.commercehub.testsupport.AsAdmin;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler finds the events the webhook never got — the sandbox's endpoint is switched off while
 * things happen — and feeds them through the same store and worker; every run is logged; one at a time.
 */
class StripeReconcilerIT extends EventProcessingTestSupport {

    @Autowired
    StripeReconciler reconciler;
    @Autowired
    StripeEventService service;
    @Autowired
    StripeClientFactory factory;
    @Autowired
    SandboxAccountService sandboxAccount;
    @Autowired
    LockingTaskExecutor locks;

    private void endpointDisabled(boolean disabled) throws Exception {
        String endpoint = connections.active().orElseThrow().webhookEndpointId();
        factory.client().v1().webhookEndpoints().update(endpoint,
                WebhookEndpointUpdateParams.builder().setDisabled(disabled).build());
    }

    private List<String> storedAbout(String objectId) {
        return jdbc.sql("SELECT CONCAT(type, ':', source) FROM stripe_event WHERE payload LIKE :id ORDER BY type")
                .param("id", "%" + objectId + "%").query(String.class).list();
    }

    private StripeStatus statusWithin(StripeStatus expected, int seconds) {
        await(() -> connections.info().status() == expected, seconds);
        return connections.info().status();
    }

    private static void simulate(SandboxAccountService account, AccountState state) {
        AsAdmin.call(() -> {
            account.simulate(state);
            return null;
        });
    }

    @Test
    void events_the_webhook_never_got_are_found_by_the_reconciler_and_processed_by_the_worker() throws Exception {
        // Whatever earlier tests left in the shared sandbox is listed (and repaired) by this first run.
        reconciler.run("test baseline");
        assertThat(connections.info().status()).isEqualTo(StripeStatus.READY);
        endpointDisabled(true);
        PaymentIntent intent;
        try {
            simulate(sandboxAccount, AccountState.ACTION_REQUIRED);
            intent = factory.client().v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                    .setAmount(2_500L).setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true).build());
            Thread.sleep(800);
            assertThat(storedAbout(intent.getId())).as("never delivered").isEmpty();
            assertThat(connections.info().status()).as("account.updated never arrived").isEqualTo(StripeStatus.READY);

            ReconcileRun run = AsAdmin.call(service::reconcileNow).orElseThrow();

            assertThat(run.errors()).isZero();
            assertThat(run.errorMessage()).isNull();
            assertThat(run.finishedAt()).isNotNull();
            assertThat(run.repaired()).isGreaterThanOrEqualTo(3);
            assertThat(run.eventsSeen()).isGreaterThanOrEqualTo(run.repaired());
            assertThat(run.details()).startsWith("events: ");
            assertThat(run.triggeredBy()).isEqualTo("test-admin");
            assertThat(AsAdmin.call(() -> service.runs(0, 5))).first().isEqualTo(run);
            assertThat(storedAbout(intent.getId()))
                    .containsExactly("charge.succeeded:RECONCILER", "payment_intent.succeeded:RECONCILER");
            // The same worker processes them: account.updated is handled (the status follows), the others,
            // which no handler in this build wants, are ignored.
            assertThat(statusWithin(StripeStatus.ACTION_REQUIRED, 10)).isEqualTo(StripeStatus.ACTION_REQUIRED);
            String accountUpdated = jdbc.sql("""
                            SELECT id FROM stripe_event WHERE type = 'account.updated' AND source = 'RECONCILER'
                            ORDER BY created DESC, received_at DESC LIMIT 1""").query(String.class).single();
            awaitState(accountUpdated, "PROCESSED", 10);
            String intentEvent = jdbc.sql("SELECT id FROM stripe_event WHERE type = 'payment_intent.succeeded' AND payload LIKE :id")
                    .param("id", "%" + intent.getId() + "%").query(String.class).single();
            awaitState(intentEvent, "IGNORED", 10);
            // What was listed is stored as Stripe's event, readable through stripe-java like a delivered one.
            String payload = jdbc.sql("SELECT payload FROM stripe_event WHERE id = :id").param("id", intentEvent)
                    .query(String.class).single();
            StripeEventEnvelope envelope = new StripeEventEnvelope(intentEvent, "payment_intent.succeeded", null,
                    Instant.now(), "2026-07-29.dahlia", payload, 1);
            assertThat(envelope.dataObject(PaymentIntent.class).getId()).isEqualTo(intent.getId());
            assertThat(envelope.dataObject(PaymentIntent.class).getAmount()).isEqualTo(2_500L);
            assertThat(envelope.dataObjectId()).isEqualTo(intent.getId());

            ReconcileRun again = AsAdmin.call(service::reconcileNow).orElseThrow();
            assertThat(again.repaired()).as("nothing is repaired twice").isZero();
            assertThat(again.eventsSeen()).isGreaterThanOrEqualTo(3);
            assertThat(again.id()).isGreaterThan(run.id());
        } finally {
            endpointDisabled(false);
            simulate(sandboxAccount, AccountState.READY);
        }
        assertThat(statusWithin(StripeStatus.READY, 15)).isEqualTo(StripeStatus.READY);
    }

    @Test
    void a_cursor_left_ahead_of_now_by_a_sandbox_clock_reset_does_not_hide_new_events() throws Exception {
        reconciler.run("test baseline");
        // The sandbox clock was a year ahead during the last run, then reset to now: its cursor lies in the future.
        jdbc.sql("UPDATE stripe_reconcile_run SET cursor_created = cursor_created + :year WHERE cursor_created IS NOT NULL")
                .param("year", java.time.Duration.ofDays(365).toSeconds()).update();
        endpointDisabled(true);
        try {
            PaymentIntent intent = factory.client().v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                    .setAmount(1_200L).setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true).build());
            Thread.sleep(500);
            assertThat(storedAbout(intent.getId())).as("never delivered").isEmpty();

            ReconcileRun run = AsAdmin.call(service::reconcileNow).orElseThrow();

            assertThat(run.errors()).isZero();
            assertThat(storedAbout(intent.getId()))
                    .containsExactly("charge.succeeded:RECONCILER", "payment_intent.succeeded:RECONCILER");
        } finally {
            endpointDisabled(false);
        }
    }

    @Test
    void while_a_run_holds_the_lock_neither_run_now_nor_the_schedule_starts_another() throws Exception {
        long before = AsAdmin.call(service::countRuns);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another node's run, as far as the shedlock table is concerned.
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> locks.executeWithLock((Runnable) () -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new LockConfiguration(Instant.now(), StripeReconciler.LOCK, Duration.ofMinutes(1), Duration.ZERO)));
        try {
            held.await();
            assertThat(AsAdmin.call(service::reconcileNow)).isEmpty();
            reconciler.scheduledRun();
            assertThat(AsAdmin.call(service::countRuns)).isEqualTo(before);
        } finally {
            release.countDown();
            otherNode.join();
        }
        assertThat(AsAdmin.call(service::reconcileNow)).isPresent();
        assertThat(AsAdmin.call(service::countRuns)).isEqualTo(before + 1);
    }
}
