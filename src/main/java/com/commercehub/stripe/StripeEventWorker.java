package com.commercehub.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Processes stored events after they are committed: right away for events this node stored, and in a
 * sweep for retries that fell due and anything a node did not get to (it crashed, its queue was full).
 * Any number of workers on any number of nodes may run: each event is handled under its row lock, taken
 * with {@code SKIP LOCKED}, so a second worker passes it by instead of handling it too or waiting.
 * See {@link StripeEventHandler} for the transaction each event is handled in.
 */
@Component
class StripeEventWorker implements DisposableBean {

    enum Outcome { SKIPPED, PROCESSED, IGNORED, RETRY, FAILED }

    private static final Logger log = LoggerFactory.getLogger(StripeEventWorker.class);

    private final StripeEventStore store;
    private final ObjectProvider<StripeEventHandler> handlerBeans;
    private final StripeEventProperties properties;
    private final Clock clock;
    private final TransactionTemplate eventTransaction;
    private final TransactionTemplate handlersSavepoint;
    private final ThreadPoolExecutor executor;
    /** Ids handed to the executor and not yet started, so that a sweep does not queue them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Due events may be waiting in the database beyond what was handed to the executor. */
    private final AtomicBoolean backlog = new AtomicBoolean();
    private volatile List<StripeEventHandler> handlers;

    StripeEventWorker(StripeEventStore store, ObjectProvider<StripeEventHandler> handlerBeans,
                      StripeEventProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.handlerBeans = handlerBeans;
        this.properties = properties;
        this.clock = clock;
        this.eventTransaction = new TransactionTemplate(transactionManager);
        eventTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read committed: InnoDB then takes no gap locks, so an event held by a slow handler never holds up the
        // webhook's inserts of other events. (At repeatable read it did: with the workers busy, inserts waited
        // until the lock wait timeout — the ingestion benchmark's "alone" run shows it.)
        eventTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.handlersSavepoint = new TransactionTemplate(transactionManager);
        handlersSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0L,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(properties.queueCapacity()), runnable -> {
            Thread thread = new Thread(runnable, "stripe-event-worker-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Right after the storing transaction commits (or at once, when the event was stored outside one). */
    @TransactionalEventListener(fallbackExecution = true)
    void stored(StripeEventStored event) {
        submit(event.id());
    }

    /** Hands the event to this node's workers; when their queue is full, the sweep will find it. */
    void submit(String id) {
        if (!queued.add(id)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.remove(id);
                process(id);
                continueWithBacklog();
            });
        } catch (RejectedExecutionException saturatedOrStopping) {
            queued.remove(id);
            backlog.set(true);
        }
    }

    @Scheduled(fixedDelayString = "${hub.stripe.events.sweep-interval:PT10S}",
            initialDelayString = "${hub.stripe.events.sweep-interval:PT10S}")
    void sweep() {
        try {
            List<String> due = store.dueIds(clock.instant(), properties.sweepBatch());
            due.forEach(this::submit);
            if (due.size() == properties.sweepBatch()) {
                backlog.set(true);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due Stripe events failed: {}", e.getMessage());
        }
    }

    /**
     * After a burst larger than the queue (or a sweep that found a full batch), the workers fetch the next
     * batch themselves as soon as their queue runs dry, instead of waiting for the next scheduled sweep.
     */
    private void continueWithBacklog() {
        if (executor.getQueue().isEmpty() && backlog.compareAndSet(true, false)) {
            sweep();
        }
    }

    /**
     * Handles the event now, on the calling thread, if it is pending, due and not held by another worker.
     * Never throws: whatever went wrong is recorded on the event (or, if even that fails, the event stays
     * pending and a later sweep tries again).
     */
    Outcome process(String id) {
        try {
            return eventTransaction.execute(status -> handleLocked(id));
        } catch (RuntimeException broken) {
            // The transaction itself failed (a deadlock rolls back all of it, the connection dropped):
            // record the try in a fresh one, if the event can still be locked.
            try {
                return eventTransaction.execute(status -> store.lockIfDue(id, clock.instant())
                        .map(event -> recordFailure(event, broken)).orElse(Outcome.SKIPPED));
            } catch (RuntimeException again) {
                log.warn("Stripe event {} could not be processed nor its failure recorded: {}", id, again.toString());
                return Outcome.SKIPPED;
            }
        }
    }

    private Outcome handleLocked(String id) {
        Optional<StoredEvent> locked = store.lockIfDue(id, clock.instant());
        if (locked.isEmpty()) {
            return Outcome.SKIPPED;
        }
        StoredEvent event = locked.get();
        List<StripeEventHandler> interested = handlers().stream().filter(h -> h.handles(event.type())).toList();
        if (interested.isEmpty()) {
            store.finish(id, StripeEventState.IGNORED, event.attempts(), clock.instant());
            return Outcome.IGNORED;
        }
        StripeEventEnvelope envelope = event.envelope();
        try {
            handlersSavepoint.executeWithoutResult(status -> interested.forEach(handler -> invoke(handler, envelope)));
        } catch (RuntimeException failure) {
            return recordFailure(event, failure);
        }
        store.finish(id, StripeEventState.PROCESSED, envelope.attempt(), clock.instant());
        return Outcome.PROCESSED;
    }

    private static void invoke(StripeEventHandler handler, StripeEventEnvelope envelope) {
        try {
            handler.handle(envelope);
        } catch (Exception e) {
            throw new HandlerFailure(ClassUtils.getUserClass(handler).getSimpleName(), e);
        }
    }

    private Outcome recordFailure(StoredEvent event, RuntimeException failure) {
        int attempt = event.attempts() + 1;
        String error = describe(failure);
        Instant now = clock.instant();
        if (attempt >= properties.maxAttempts()) {
            store.fail(event.id(), attempt, now, error);
            log.warn("Stripe event {} ({}) failed on try {} and is marked FAILED: {}", event.id(), event.type(), attempt, error);
            return Outcome.FAILED;
        }
        Instant next = now.plus(properties.backoff(attempt));
        store.retryLater(event.id(), attempt, next, error);
        log.info("Stripe event {} ({}) failed on try {}, next try at {}: {}", event.id(), event.type(), attempt, next, error);
        return Outcome.RETRY;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HandlerFailure handlerFailure) {
            Throwable cause = handlerFailure.getCause();
            return handlerFailure.handler + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private List<StripeEventHandler> handlers() {
        List<StripeEventHandler> resolved = handlers;
        if (resolved == null) {
            resolved = handlerBeans.orderedStream().toList();
            handlers = resolved;
        }
        return resolved;
    }

    @Override
    public void destroy() throws InterruptedException {
        // Queued events stay PENDING in the database; the next start's sweep takes them.
        executor.getQueue().clear();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A handler threw; carries which one, for the error the admin sees. */
    private static final class HandlerFailure extends RuntimeException {

        private final String handler;

        HandlerFailure(String handler, Throwable cause) {
            super(handler + " failed", cause);
            this.handler = handler;
        }
    }
}
