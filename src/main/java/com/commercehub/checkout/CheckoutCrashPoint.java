package com.commercehub.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A test hook, off unless {@code hub.test-hooks.pause-after-checkout-session=true}: the moment a Checkout Session
 * exists at Stripe but the record of it is not yet committed (the version's row locked, its transaction open), the
 * buyer's request stops here and one log line says so. A crash test then kills the process at exactly that point,
 * which no timing of its own could hit reliably.
 */
@Component
class CheckoutCrashPoint {

    static final String REACHED = "Test hook: checkout session made at Stripe and not yet recorded: ";
    private static final Logger log = LoggerFactory.getLogger(CheckoutCrashPoint.class);

    private final boolean pause;

    CheckoutCrashPoint(@Value("${hub.test-hooks.pause-after-checkout-session:false}") boolean pause) {
        this.pause = pause;
        if (pause) {
            log.warn("Test hook on: every checkout stops after its session is made at Stripe, before it is recorded");
        }
    }

    void sessionCreated(String sessionId) {
        if (!pause) {
            return;
        }
        log.warn(REACHED + "{}", sessionId);
        try {
            // Long enough for any test to kill the process; never forever, should one forget.
            Thread.sleep(Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
