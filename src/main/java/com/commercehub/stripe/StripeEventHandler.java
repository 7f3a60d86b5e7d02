package com.commercehub.stripe;

import com.stripe.exception.StripeException;

/**
 * The port through which features act on Stripe's events (fulfilment, refunds, the account's status)
 * without {@code stripe} knowing them: declare a Spring bean implementing it. The worker calls every
 * handler whose {@link #handles} accepts the event's type, in {@link org.springframework.core.annotation.Order}.
 *
 * <p><b>Transaction.</b> One stored event is handled in one database transaction, which starts by locking
 * the event's row ({@code FOR UPDATE SKIP LOCKED}, so no other worker on any node handles it meanwhile) and
 * ends with the outcome mark. All handlers of the event run inside it, within one savepoint: their writes
 * (through {@code JdbcClient}, repositories or {@code @Transactional} methods that join) commit together with
 * PROCESSED, or — if any handler throws — are rolled back together while the failed try, its error and the
 * next try's time are recorded. Do not start a {@code REQUIRES_NEW} transaction in a handler: it would commit
 * even when the event's work is rolled back.
 *
 * <p><b>Idempotent and order-independent.</b> Stripe sends an event more than once and in any order, and a
 * handler runs again after a failure (its own or another handler's for the same event), after a crash, and
 * when an admin presses Retry. So: key writes on Stripe's ids ("insert if absent", unique constraints), and
 * when the order of events matters, read the object's current state from Stripe instead of trusting the
 * payload. Calling Stripe from a handler is allowed; the worker holds a database connection meanwhile, so do
 * reads first and writes last (row locks stay short), and give any Stripe write a deterministic idempotency
 * key ({@link IdempotencyKeys}) because it will be repeated.
 *
 * <p><b>Who runs it.</b> A worker thread with no signed-in user ({@code Actors.current()} is "system"): call
 * your feature's internal components, not {@code @Secured} services.
 */
public interface StripeEventHandler {

    /** Whether this handler wants events of {@code type} (e.g. {@code "checkout.session.completed"}). */
    boolean handles(String type);

    /**
     * Acts on one event. Returning normally means done; throwing (anything) means "try again later":
     * the event is retried with exponential backoff and marked FAILED with the error after the configured
     * number of tries ({@code hub.stripe.events.max-attempts}).
     */
    void handle(StripeEventEnvelope event) throws StripeException;
}
