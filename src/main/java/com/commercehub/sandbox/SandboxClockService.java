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

    /** Moves the sandbox clock forward and renews (or fails to renew) every subscription that fell due. */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public Instant advance(Duration by) {
        if (!mode.isSandbox()) {
            throw new IllegalStateException("The sandbox clock exists only while the sandbox processes payments");
        }
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        long target = time.advanceTo(time.now() + by.toSeconds());
        subscriptions.renewDue(new Call("POST", "/sandbox/clock", Map.of(), new Params(Map.of()), null, null, target, ""));
        return Instant.ofEpochSecond(target);
    }
}
