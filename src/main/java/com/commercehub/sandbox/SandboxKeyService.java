package com.commercehub.sandbox;

import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * ADMIN: the sandbox's secret key, shown as Stripe's dashboard shows test keys (masked until revealed), and where
 * its API answers, for calling it with curl or stripe-java on this machine. (With a real Stripe key in use the
 * sandbox answers nothing, whatever its key.)
 */
@Service
public class SandboxKeyService {

    private final SandboxKeys keys;
    private final SandboxOrigin origin;

    SandboxKeyService(SandboxKeys keys, SandboxOrigin origin) {
        this.keys = keys;
        this.origin = origin;
    }

    /** {@code sk_test_••••} and the last four. */
    @Secured(Role.Authority.ADMIN)
    public String masked() {
        String key = keys.secretKey();
        return "sk_test_" + "•".repeat(8) + key.substring(key.length() - 4);
    }

    /** The whole key, for the admin who asked to see or copy it. */
    @Secured(Role.Authority.ADMIN)
    public String reveal() {
        return keys.secretKey();
    }

    /** The sandbox API's base URL on this machine: it answers only requests from the machine itself. */
    @Secured(Role.Authority.ADMIN)
    public String apiBase() {
        return origin.local() + SandboxApiController.BASE;
    }
}
