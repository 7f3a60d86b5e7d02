package com.commercehub.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import com.stripe.param.EventListParams;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the events the webhook never got (endpoint down, deliveries switched off, a node lost before it
 * stored one) by listing Stripe's events since the newest one the previous run saw, and feeds the missing
 * ones into the same store and worker as the webhook — there is one processing path. Then runs every
 * {@link ReconcileStep}. Every run is logged. One node at a time (ShedLock), on a schedule or on demand.
 */
@Component
class StripeReconciler {

    static final String LOCK = "stripe-reconciler";
    private static final Logger log = LoggerFactory.getLogger(StripeReconciler.class);

    private final StripeConnections connections;
    private final StripeEventStore events;
    private final StripeEventIntake intake;
    private final ReconcileRunStore runs;
    private final ObjectProvider<ReconcileStep> steps;
    private final LockingTaskExecutor locks;
    private final ReconcilerProperties properties;
    private final Clock clock;

    StripeReconciler(StripeConnections connections, StripeEventStore events, StripeEventIntake intake,
                     ReconcileRunStore runs, ObjectProvider<ReconcileStep> steps, LockingTaskExecutor locks,
                     ReconcilerProperties properties, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.intake = intake;
        this.runs = runs;
        this.steps = steps;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hub.stripe.reconciler.interval:PT10M}",
            initialDelayString = "${hub.stripe.reconciler.interval:PT10M}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${hub.stripe.reconciler.lock-at-most:PT30M}", lockAtLeastFor = "PT30S")
    public void scheduledRun() {
        run("schedule");
    }

    /** Runs now, unless a run is going on (on any node): then empty. */
    Optional<ReconcileRun> runNow(String triggeredBy) {
        try {
            LockingTaskExecutor.TaskResult<ReconcileRun> result = locks.executeWithLock(() -> run(triggeredBy),
                    new LockConfiguration(clock.instant(), LOCK, properties.lockAtMost(), Duration.ZERO));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // run() throws nothing checked; ShedLock's signature merely allows it.
            throw new IllegalStateException(checked);
        }
    }

    /** One run, logged; never throws for Stripe's or a step's sake (they are counted as the run's errors). */
    ReconcileRun run(String triggeredBy) {
        Instant started = clock.instant();
        Optional<ConnectionRow> connection = connections.active();
        String accountId = connection.map(ConnectionRow::accountId).orElse(null);
        long runId = runs.start(accountId, triggeredBy, started);
        Tally tally = new Tally();
        Long cursor = null;
        if (connection.isEmpty()) {
            tally.error("no Stripe account is connected");
        } else {
            Optional<ReconcileRunStore.Cursor> previous = runs.lastCursor(accountId);
            try {
                StripeClient client = connections.client();
                cursor = reconcileEvents(client, accountId, previous, tally);
                runSteps(new ReconcileContext(accountId, client, started,
                        previous.map(ReconcileRunStore.Cursor::runStarted).orElse(null)), tally);
            } catch (StripeConnectionException e) {
                tally.error("connection: " + e.reason());
            }
        }
        runs.finish(runId, clock.instant(), tally.eventsSeen, tally.repaired, tally.errors.size(),
                String.join("; ", tally.details), tally.errors.isEmpty() ? null : String.join("; ", tally.errors), cursor);
        if (!tally.errors.isEmpty()) {
            log.warn("Stripe reconciler run {} had {} error(s): {}", runId, tally.errors.size(), String.join("; ", tally.errors));
        }
        return runs.find(runId).orElseThrow();
    }

    /** The newest listed event's created time, when the listing completed; null when it did not. */
    private Long reconcileEvents(StripeClient client, String accountId, Optional<ReconcileRunStore.Cursor> previous,
                                 Tally tally) {
        // A cursor ahead of now (the sandbox's clock was advanced, then reset to now) would skip every event made
        // until real time catches up with it: never start later than now.
        long now = clock.instant().getEpochSecond();
        Optional<Long> cursor = previous.map(c -> Math.min(c.created(), now));
        long since = cursor.map(created -> created - properties.overlap().toSeconds())
                .orElseGet(() -> clock.instant().minus(properties.firstRun()).getEpochSecond());
        EventListParams params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(since).build())
                .addAllType(StripeConnections.EVENTS.stream().map(EnabledEvent::getValue).toList())
                .setLimit(100L)
                .build();
        int seen = 0;
        int repaired = 0;
        // With nothing listed, the next run starts from where this one did (or from now, the first time).
        long newest = cursor.orElse(now);
        try {
            for (Event event : client.v1().events().list(params).autoPagingIterable()) {
                seen++;
                newest = Math.max(newest, event.getCreated());
                if (!events.exists(event.getId()) && intake.accept(stored(event, accountId), StripeEventStore.Source.RECONCILER)) {
                    repaired++;
                }
            }
        } catch (StripeException | RuntimeException e) {
            tally.eventsSeen += seen;
            tally.repaired += repaired;
            tally.details.add("events: " + seen + " seen, " + repaired + " repaired (incomplete)");
            tally.error("events: " + e.getMessage());
            return null;
        }
        tally.eventsSeen += seen;
        tally.repaired += repaired;
        tally.details.add("events: " + seen + " seen, " + repaired + " repaired");
        return newest;
    }

    private static StoredEvent stored(Event event, String accountId) {
        // The list's JSON for this event: data.object is kept raw by stripe-java, so nothing of it is lost.
        String payload = ApiResource.GSON.toJson(event);
        return new StoredEvent(event.getId(), event.getAccount() != null ? event.getAccount() : accountId,
                event.getType(), event.getApiVersion(), event.getCreated(), payload, 0);
    }

    private void runSteps(ReconcileContext context, Tally tally) {
        for (ReconcileStep step : steps.orderedStream().toList()) {
            try {
                ReconcileStepResult result = step.run(context);
                tally.repaired += result.repaired();
                tally.details.add(step.name() + ": " + result.checked() + " checked, " + result.repaired() + " repaired");
            } catch (StripeException | RuntimeException e) {
                tally.error(step.name() + ": " + e.getMessage());
            }
        }
    }

    private static final class Tally {
        int eventsSeen;
        int repaired;
        final List<String> details = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        void error(String message) {
            errors.add(message);
        }
    }
}
