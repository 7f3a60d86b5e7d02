package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** ADMIN, sandbox only: read and advance the sandbox clock (renewals that fall due are run at once). */
@Service
public class SandboxClockService {

    private final SandboxTime time;
    private final SubscriptionResources subscriptions;
    private final PaymentProcessorMode mode;

    SandboxClockService(SandboxTime time, SubscriptionResources subscriptions, PaymentProcessorMode mode) {
        this.time = time;
        this.subscriptions = subscriptions;
        this.mode = mode;
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
