package com.commercehub.stripe;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** ADMIN: how Stripe's events are being processed, failed events and their retry, the reconciler's runs. */
@Service
public class StripeEventService {

    private final StripeEventStore events;
    private final StripeEventWorker worker;
    private final ReconcileRunStore runs;
    private final StripeReconciler reconciler;
    private final Clock clock;

    StripeEventService(StripeEventStore events, StripeEventWorker worker, ReconcileRunStore runs,
                       StripeReconciler reconciler, Clock clock) {
        this.events = events;
        this.worker = worker;
        this.runs = runs;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /** Stored events by state. */
    @Secured(Role.Authority.ADMIN)
    public StripeEventCounts counts() {
        return events.counts();
    }

    /** Events that failed on every try, newest first. */
    @Secured(Role.Authority.ADMIN)
    public List<FailedStripeEvent> failed(long offset, int limit) {
        return events.failed(offset, limit);
    }

    @Secured(Role.Authority.ADMIN)
    public long countFailed() {
        return events.countFailed();
    }

    /**
     * Gives a failed event one more try, at once (on a worker; this returns before it ran). If it fails
     * again it is FAILED again, with the new reason.
     *
     * @return false when the event is not failed (any more)
     */
    @Secured(Role.Authority.ADMIN)
    public boolean retry(String eventId) {
        boolean due = events.retry(eventId, clock.instant());
        if (due) {
            worker.submit(eventId);
        }
        return due;
    }

    /** Where one stored event stands; empty when no event with this id is stored. */
    @Secured(Role.Authority.ADMIN)
    public Optional<StripeEventState> state(String eventId) {
        return events.state(eventId);
    }

    /** The reconciler's runs, newest first. */
    @Secured(Role.Authority.ADMIN)
    public List<ReconcileRun> runs(long offset, int limit) {
        return runs.recent(offset, limit);
    }

    @Secured(Role.Authority.ADMIN)
    public long countRuns() {
        return runs.count();
    }

    /**
     * Runs the reconciler now, on this thread (call it off the UI thread: it lists events from Stripe).
     *
     * @return the run as logged, or empty when a run is already going on (on this or another node)
     */
    @Secured(Role.Authority.ADMIN)
    public Optional<ReconcileRun> reconcileNow() {
        return reconciler.runNow(Actors.current());
    }
}
