package com.commercehub.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How stored Stripe events are processed.
 *
 * @param maxAttempts     tries before an event is marked FAILED (an admin's Retry gives it one more)
 * @param firstRetry      wait after the first failed try; doubled after each further one
 * @param maxRetryDelay   the longest wait between two tries
 * @param workerThreads   events handled at once on this node (each holds a database connection meanwhile)
 * @param queueCapacity   events handed to this node's workers and not yet started; beyond it the sweep picks them up
 * @param sweepInterval   how often due events (retries, and any a node did not get to) are looked for
 * @param sweepBatch      how many due events one sweep hands to the workers
 */
@ConfigurationProperties(prefix = "hub.stripe.events")
public record StripeEventProperties(@DefaultValue("8") int maxAttempts,
                                    @DefaultValue("30s") Duration firstRetry,
                                    @DefaultValue("1h") Duration maxRetryDelay,
                                    @DefaultValue("2") int workerThreads,
                                    @DefaultValue("10000") int queueCapacity,
                                    @DefaultValue("10s") Duration sweepInterval,
                                    @DefaultValue("500") int sweepBatch) {

    /** The wait after the {@code failedTries}-th failed try. */
    Duration backoff(int failedTries) {
        int doublings = Math.min(Math.max(failedTries - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
