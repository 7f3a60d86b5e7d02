package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ADMIN, sandbox only: puts the sandbox's account into a state Stripe accounts go through (ready,
 * waiting for verification, action required) and sends {@code account.updated}, so the app's status
 * label can be seen to follow.
 */
@Service
public class SandboxAccountService {

    public enum AccountState { READY, PENDING_VERIFICATION, ACTION_REQUIRED }

    private final CoreResources core;
    private final SandboxStore store;
    private final SandboxEvents events;
    private final SandboxTime time;
    private final PaymentProcessorMode mode;

    SandboxAccountService(CoreResources core, SandboxStore store, SandboxEvents events, SandboxTime time,
                          PaymentProcessorMode mode) {
        this.core = core;
        this.store = store;
        this.events = events;
        this.time = time;
        this.mode = mode;
    }

    @Secured(Role.Authority.ADMIN)
    @Transactional
    public void simulate(AccountState state) {
        if (!mode.isSandbox()) {
            throw new IllegalStateException("There is no sandbox account while a real Stripe key is in use");
        }
        long now = time.now();
        Map<String, Object> account = store.getForUpdate(Obj.str(core.account(now), "id"), "account", "id", "account");
        Map<String, Object> previous = Obj.of("charges_enabled", account.get("charges_enabled"),
                "payouts_enabled", account.get("payouts_enabled"), "requirements", account.get("requirements"));
        Map<String, Object> requirements = Obj.map(account, "requirements");
        requirements.put("currently_due", new ArrayList<>());
        requirements.put("past_due", new ArrayList<>());
        requirements.put("pending_verification", new ArrayList<>());
        requirements.put("disabled_reason", null);
        requirements.put("current_deadline", null);
        switch (state) {
            case READY -> {
                account.put("charges_enabled", true);
                account.put("payouts_enabled", true);
            }
            case PENDING_VERIFICATION -> {
                account.put("charges_enabled", false);
                account.put("payouts_enabled", false);
                requirements.put("pending_verification", List.of("individual.verification.document"));
                requirements.put("disabled_reason", "requirements.pending_verification");
            }
            case ACTION_REQUIRED -> {
                account.put("charges_enabled", false);
                account.put("payouts_enabled", false);
                requirements.put("currently_due", List.of("external_account", "tos_acceptance.date"));
                requirements.put("past_due", List.of("external_account"));
                requirements.put("disabled_reason", "requirements.past_due");
                requirements.put("current_deadline", now);
            }
        }
        store.update(account);
        events.emit("account.updated", account, previous, null, null, now);
    }
}
