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
        return mode.isSandbox() ? Duration.ofSeconds(time.offset()) : Duration.ZERO;
    }
}
