package com.commercehub.stripe;

import com.stripe.model.Account;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the connected account can take payments, from the account's own readiness fields: ready
 * when charges are enabled, details submitted, nothing disables it and nothing is past due; action
 * required when Stripe is waiting for the business; otherwise Stripe is still verifying.
 */
public enum StripeStatus {
    READY, PENDING_VERIFICATION, ACTION_REQUIRED, DISCONNECTED;

    public String messageKey() {
        return "payments.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static StripeStatus of(Account account) {
        if (account == null) {
            return DISCONNECTED;
        }
        Account.Requirements requirements = account.getRequirements();
        List<String> pastDue = requirements == null ? List.of() : nonNull(requirements.getPastDue());
        List<String> currentlyDue = requirements == null ? List.of() : nonNull(requirements.getCurrentlyDue());
        String disabledReason = requirements == null ? null : requirements.getDisabledReason();
        boolean chargesEnabled = Boolean.TRUE.equals(account.getChargesEnabled());
        boolean detailsSubmitted = Boolean.TRUE.equals(account.getDetailsSubmitted());
        if (chargesEnabled && detailsSubmitted && disabledReason == null && pastDue.isEmpty()) {
            return READY;
        }
        boolean waitingForStripe = disabledReason != null && disabledReason.contains("pending_verification");
        if (!pastDue.isEmpty() || !currentlyDue.isEmpty() || !detailsSubmitted
                || (disabledReason != null && !waitingForStripe)) {
            return ACTION_REQUIRED;
        }
        return PENDING_VERIFICATION;
    }

    /** What Stripe asks of the business: past-due first, then currently due. */
    public static List<String> requirements(Account account) {
        List<String> result = new ArrayList<>();
        if (account == null || account.getRequirements() == null) {
            return result;
        }
        result.addAll(nonNull(account.getRequirements().getPastDue()));
        nonNull(account.getRequirements().getCurrentlyDue()).stream().filter(r -> !result.contains(r)).forEach(result::add);
        return result;
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
