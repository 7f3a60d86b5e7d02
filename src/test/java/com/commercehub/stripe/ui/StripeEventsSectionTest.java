package com.commercehub.stripe.ui;

import com.commercehub.base.security.Role;
import com.commercehub.stripe.FailedStripeEvent;
import com.commercehub.stripe.ReconcileRun;
import com.commercehub.stripe.StripeEventService;
import com.commercehub.stripe.StripeEventState;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Payments, the events half: failed events with Retry, counts, the reconciler's runs and Run now. */
class StripeEventsSectionTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StripeEventService service;

    private String failedEvent() {
        String id = "evt_karibu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO stripe_event (id, account_id, type, api_version, created, payload, state, source, attempts,
                            last_error, received_at, processed_at)
                        VALUES (:id, 'acct_karibu', 'test.karibu_failed', '2026-07-29.dahlia', 1760000000, :payload, 'FAILED',
                            'WEBHOOK', 8, 'PaymentHandler: IllegalStateException: no such quote', :at, :at)""")
                .param("id", id).param("payload", "{\"id\":\"" + id + "\",\"object\":\"event\"}").param("at", now)
                .update();
        return id;
    }

    private StripeEventsSection open() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/payments");
        return _get(PaymentsSettingsView.class).events;
    }

    private static OptionalInt rowOf(StripeEventsSection section, String id) {
        return IntStream.range(0, GridKt._size(section.failed))
                .filter(i -> GridKt._get(section.failed, i).id().equals(id)).findFirst();
    }

    @Test
    void a_failed_event_shows_its_reason_and_retry_gives_it_another_try() throws InterruptedException {
        String id = failedEvent();
        StripeEventsSection section = open();

        assertThat(section.counts.getText()).contains("Failed: ");
        OptionalInt row = rowOf(section, id);
        assertThat(row).isPresent();
        FailedStripeEvent shown = GridKt._get(section.failed, row.getAsInt());
        assertThat(shown.type()).isEqualTo("test.karibu_failed");
        assertThat(shown.attempts()).isEqualTo(8);
        assertThat(shown.lastError()).isEqualTo("PaymentHandler: IllegalStateException: no such quote");

        ButtonKt._click((Button) GridKt._getCellComponent(section.failed, row.getAsInt(), "retry"));

        assertThat(rowOf(section, id)).isEmpty();
        // No handler wants this type, so the worker's try ends it as ignored.
        Instant deadline = Instant.now().plusSeconds(10);
        while (AsAdmin.call(() -> service.state(id)).orElseThrow() != StripeEventState.IGNORED && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(AsAdmin.call(() -> service.state(id))).contains(StripeEventState.IGNORED);
    }

    @Test
    void run_now_runs_the_reconciler_off_the_ui_thread_and_lists_the_run() {
        StripeEventsSection section = open();
        ButtonKt._click(section.runNow);
        assertThat(section.runNow.isEnabled()).isFalse();
        section.running.join();
        MockVaadin.clientRoundtrip(false);

        assertThat(section.runNow.isEnabled()).isTrue();
        ReconcileRun newest = GridKt._get(section.runs, 0);
        assertThat(newest.triggeredBy()).isEqualTo("admin@example.com");
        assertThat(newest.finishedAt()).isNotNull();
    }
}
