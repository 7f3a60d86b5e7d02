package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.time.TimeShift;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** While the sandbox processes payments, business time moves with the sandbox clock. */
@Component
class SandboxTimeShift implements TimeShift {

    private final SandboxTime time;
    private final PaymentProcessorMode mode;

    SandboxTimeShift(SandboxTime time, PaymentProcessorMode mode) {
        this.time = time;
        this.mode = mode;
    }

    @Override
    public Duration shift() {
        // The offset first: while the clock was never moved (every live install) the mode need not be read at all.
        // Business dates are asked for on every buyer page view.
        long offset = time.offset();
        return offset != 0 && mode.isSandbox() ? Duration.ofSeconds(offset) : Duration.ZERO;
    }
}
