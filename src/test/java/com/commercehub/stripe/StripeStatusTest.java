package com.commercehub.stripe;

import com.stripe.model.Account;
import com.stripe.net.ApiResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeStatusTest {

    private static Account account(boolean charges, boolean payouts, boolean details, String disabledReason,
                                   String currentlyDue, String pastDue, String pendingVerification) {
        String json = """
                {"id":"acct_1","object":"account","charges_enabled":%s,"payouts_enabled":%s,"details_submitted":%s,
                 "requirements":{"disabled_reason":%s,"currently_due":[%s],"past_due":[%s],"pending_verification":[%s],
                 "eventually_due":[]}}""".formatted(charges, payouts, details,
                disabledReason == null ? "null" : "\"" + disabledReason + "\"", quoted(currentlyDue), quoted(pastDue),
                quoted(pendingVerification));
        return ApiResource.GSON.fromJson(json, Account.class);
    }

    private static String quoted(String item) {
        return item == null ? "" : "\"" + item + "\"";
    }

    @Test
    void ready_when_charges_enabled_details_submitted_nothing_disabled_or_past_due() {
        assertThat(StripeStatus.of(account(true, true, true, null, null, null, null))).isEqualTo(StripeStatus.READY);
    }

    @Test
    void still_ready_when_payouts_are_off_or_something_is_due_later() {
        Account account = account(true, false, true, null, "external_account", null, null);
        assertThat(StripeStatus.of(account)).isEqualTo(StripeStatus.READY);
        assertThat(StripeStatus.requirements(account)).containsExactly("external_account");
    }

    @Test
    void pending_verification_while_stripe_checks_submitted_details() {
        assertThat(StripeStatus.of(account(false, false, true, "requirements.pending_verification", null, null,
                "individual.verification.document"))).isEqualTo(StripeStatus.PENDING_VERIFICATION);
        assertThat(StripeStatus.of(account(false, false, true, null, null, null, "company.tax_id")))
                .isEqualTo(StripeStatus.PENDING_VERIFICATION);
    }

    @Test
    void action_required_when_stripe_waits_for_the_business() {
        Account pastDue = account(false, false, true, "requirements.past_due", "tos_acceptance.date", "tos_acceptance.date", null);
        assertThat(StripeStatus.of(pastDue)).isEqualTo(StripeStatus.ACTION_REQUIRED);
        assertThat(StripeStatus.requirements(pastDue)).containsExactly("tos_acceptance.date");
        assertThat(StripeStatus.of(account(false, false, false, null, "business_profile.url", null, null)))
                .isEqualTo(StripeStatus.ACTION_REQUIRED);
        assertThat(StripeStatus.of(account(true, true, true, null, null, "external_account", null)))
                .isEqualTo(StripeStatus.ACTION_REQUIRED);
        assertThat(StripeStatus.of(account(false, false, true, "rejected.fraud", null, null, null)))
                .isEqualTo(StripeStatus.ACTION_REQUIRED);
    }

    @Test
    void no_account_is_disconnected() {
        assertThat(StripeStatus.of(null)).isEqualTo(StripeStatus.DISCONNECTED);
    }
}
