package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * ADMIN, sandbox only: the sandbox's secret key, shown as Stripe's dashboard shows test keys (masked until
 * revealed), and where its API answers, for calling it with curl or stripe-java on this machine.
 */
@Service
public class SandboxKeyService {

    private final SandboxKeys keys;
    private final SandboxOrigin origin;
    private final PaymentProcessorMode mode;

    SandboxKeyService(SandboxKeys keys, SandboxOrigin origin, PaymentProcessorMode mode) {
        this.keys = keys;
        this.origin = origin;
        this.mode = mode;
    }

    /** {@code sk_test_••••} and the last four. */
    @Secured(Role.Authority.ADMIN)
    public String masked() {
        requireSandbox();
        String key = keys.secretKey();
        return "sk_test_" + "•".repeat(8) + key.substring(key.length() - 4);
    }

    /** The whole key, for the admin who asked to see or copy it. */
    @Secured(Role.Authority.ADMIN)
    public String reveal() {
        requireSandbox();
        return keys.secretKey();
    }

    /** The sandbox API's base URL on this machine: it answers only requests from the machine itself. */
    @Secured(Role.Authority.ADMIN)
    public String apiBase() {
        return origin.local() + SandboxApiController.BASE;
    }

    private void requireSandbox() {
        if (!mode.isSandbox()) {
            throw new IllegalStateException("There is no sandbox key while a real Stripe key is in use");
        }
    }
}
