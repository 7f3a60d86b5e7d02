package com.commercehub.stripe;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The one way into the event store, for the webhook and the reconciler alike: store once by id, then
 * let the worker know (after the storing transaction commits, or at once when there is none).
 */
@Component
class StripeEventIntake {

    private final StripeEventStore store;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    StripeEventIntake(StripeEventStore store, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** True when the event was new; a duplicate changes nothing. */
    boolean accept(StoredEvent event, StripeEventStore.Source source) {
        if (store.exists(event.id())) {
            return false;
        }
        boolean inserted = store.insert(event, source, clock.instant());
        if (inserted) {
            publisher.publishEvent(new StripeEventStored(event.id()));
        }
        return inserted;
    }
}
