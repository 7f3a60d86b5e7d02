package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** ADMIN, sandbox only: read and advance the sandbox clock (renewals that fall due are run at once). */
@Service
public class SandboxClockService {

    private final SandboxTime time;
    private final SubscriptionResources subscriptions;
    private final PaymentProcessorMode mode;

    private final SandboxStore store;
    private final JdbcClient jdbc;

    SandboxClockService(SandboxTime time, SubscriptionResources subscriptions, PaymentProcessorMode mode,
                        SandboxStore store, JdbcClient jdbc) {
        this.time = time;
        this.subscriptions = subscriptions;
        this.mode = mode;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Where the sandbox stands: its time against real time, its live subscriptions (active, trialing or past due)
     * with the next renewal, and the webhook events still waiting to be delivered.
     */
    public record ClockState(Instant sandboxNow, Instant realNow, int liveSubscriptions, Instant nextRenewal,
                             long undeliveredEvents) {

        /** How far the sandbox clock runs ahead of real time; zero once reset. */
        public Duration ahead() {
            return Duration.between(realNow, sandboxNow);
        }
    }

    @Secured(Role.Authority.ADMIN)
    @Transactional(readOnly = true)
    public ClockState state() {
        long real = time.real();
        long offset = time.offset();
        List<Map<String, Object>> live = store.list("subscription", s -> LIVE.contains(Obj.str(s, "status")), 100_000,
                null).data();
        Long next = live.stream().map(SandboxClockService::periodEnd).filter(java.util.Objects::nonNull)
                .min(Long::compare).orElse(null);
        long undelivered = jdbc.sql("SELECT COUNT(*) FROM sandbox_delivery WHERE delivered_at IS NULL")
                .query(Long.class).single();
        return new ClockState(Instant.ofEpochSecond(real + offset), Instant.ofEpochSecond(real),
                live.size(),
                next == null ? null : Instant.ofEpochSecond(next), undelivered);
    }

    private static final List<String> LIVE = List.of("active", "trialing", "past_due");

    @SuppressWarnings("unchecked")
    private static Long periodEnd(Map<String, Object> subscription) {
        List<Object> items = Obj.list(Obj.map(subscription, "items"), "data");
        return items.isEmpty() ? null : Obj.longOf((Map<String, Object>) items.getFirst(), "current_period_end");
    }

    /** False when a real Stripe key is in use: then there is no sandbox clock. */
    @Secured(Role.Authority.ADMIN)
    public boolean available() {
        return mode.isSandbox();
    }

    @Secured(Role.Authority.ADMIN)
    @Transactional(readOnly = true)
    public Instant now() {
        return Instant.ofEpochSecond(time.now());
    }

    /** The latest moment the clock may be moved to: five years (and a day) past real time. */
    @Secured(Role.Authority.ADMIN)
    public Instant latest() {
        return Instant.ofEpochSecond(time.latest());
    }

    /**
     * Moves the sandbox clock forward and renews (or fails to renew) every subscription that fell due.
     *
     * @throws SandboxClockLimitException when that would put it further ahead of real time than {@link #latest()};
     *                                    nothing changes then
     */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public Instant advance(Duration by) {
        requireSandbox();
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        long latest = time.latest();
        if (by.compareTo(SandboxTime.MAX_AHEAD) > 0 || time.now() + by.toSeconds() > latest) {
            throw new SandboxClockLimitException(Instant.ofEpochSecond(latest));
        }
        long target = time.advanceTo(time.now() + by.toSeconds());
        subscriptions.renewDue(new Call("POST", "/sandbox/clock", Map.of(), new Params(Map.of()), null, null, target, ""));
        return Instant.ofEpochSecond(target);
    }

    /**
     * Puts the sandbox clock back to real time (business dates follow). Objects made meanwhile keep their times;
     * what lies ahead of the clock — a renewal already charged, a debit still settling — happens when it gets there.
     */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public Instant reset() {
        return Instant.ofEpochSecond(time.reset());
    }

    private void requireSandbox() {
        if (!mode.isSandbox()) {
            throw new IllegalStateException("The sandbox clock exists only while the sandbox processes payments");
        }
    }
}
