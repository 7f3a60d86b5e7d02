package com.commercehub.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The reconciler's schedule and reach.
 *
 * @param interval   pause between two runs ({@code hub.stripe.reconciler.interval})
 * @param overlap    how far before the previous run's newest event a run starts listing: events become listable
 *                   a little after they are created, and an event listed twice is simply skipped
 * @param firstRun   how far back the first run lists (Stripe keeps events for 30 days)
 * @param lockAtMost how long a run may hold the lock if its node dies mid-run
 */
@ConfigurationProperties(prefix = "hub.stripe.reconciler")
public record ReconcilerProperties(@DefaultValue("10m") Duration interval,
                                   @DefaultValue("15m") Duration overlap,
                                   @DefaultValue("30d") Duration firstRun,
                                   @DefaultValue("30m") Duration lockAtMost) {
}
