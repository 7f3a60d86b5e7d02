package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Payment intents, payment methods, charges, refunds, disputes and balance transactions — and the
 * test-card engine that decides each payment's outcome as Stripe's test mode does.
 */
@Component
class PaymentResources extends SandboxRoutes {

    private static final long DAY = 86_400L;

    private final SandboxStore store;
    private final SandboxEvents events;

    PaymentResources(SandboxStore store, SandboxEvents events) {
        this.store = store;
        this.events = events;

        post("/v1/payment_intents", this::createIntentCall);
        get("/v1/payment_intents/{id}", call -> store.get(call.var("id"), "payment_intent", "id", "payment_intent"));
        post("/v1/payment_intents/{id}/confirm", this::confirmCall);
        post("/v1/payment_intents/{id}/cancel", this::cancelCall);
        get("/v1/payment_intents", call -> {
            String customer = call.params().string("customer");
            return list(call, "payment_intent", pi -> customer == null || customer.equals(pi.get("customer")));
        });
        get("/v1/payment_methods/{id}", call -> store.get(call.var("id"), "payment_method", "id", "payment_method"));

        get("/v1/charges/{id}", call -> store.get(call.var("id"), "charge", "id", "charge"));
        get("/v1/charges", call -> {
            String intent = call.params().string("payment_intent");
            String customer = call.params().string("customer");
            return list(call, "charge", c -> (intent == null || intent.equals(c.get("payment_intent")))
                    && (customer == null || customer.equals(c.get("customer"))));
        });

        post("/v1/refunds", this::createRefund);
        get("/v1/refunds/{id}", call -> store.get(call.var("id"), "refund", "id", "refund"));
        get("/v1/refunds", call -> {
            String intent = call.params().string("payment_intent");
            String charge = call.params().string("charge");
            return list(call, "refund", r -> (intent == null || intent.equals(r.get("payment_intent")))
                    && (charge == null || charge.equals(r.get("charge"))));
        });

        get("/v1/disputes/{id}", call -> store.get(call.var("id"), "dispute", "id", "dispute"));
        post("/v1/disputes/{id}", this::updateDispute);
        get("/v1/disputes", call -> {
            String intent = call.params().string("payment_intent");
            return list(call, "dispute", d -> intent == null || intent.equals(d.get("payment_intent")));
        });

        get("/v1/balance_transactions/{id}", call -> store.get(call.var("id"), "balance_transaction", "id", "balance_transaction"));
        get("/v1/balance_transactions", call -> {
            String type = call.params().string("type");
            String source = call.params().string("source");
            call.params().string("payout");
            call.params().child("created");
            return list(call, "balance_transaction", t -> (type == null || type.equals(t.get("type")))
                    && (source == null || source.equals(t.get("source"))));
        });
    }

    private Map<String, Object> list(Call call, String type, java.util.function.Predicate<Map<String, Object>> filter) {
        return store.list(type, filter, call.limit(), call.startingAfter()).toList(call.path());
    }

    // --- payment intents

    private Map<String, Object> createIntentCall(Call call) {
        Params p = call.params();
        String currency = SandboxCurrencies.require(p, "currency");
        long amount = p.requiredLong("amount");
        if (amount < 1) {
            throw StripeError.invalid("amount", "parameter_invalid_integer", "This value must be greater than or equal to 1.");
        }
        SandboxCurrencies.checkChargeable(amount, currency, "amount");
        String customer = p.string("customer");
        if (customer != null) {
            store.get(customer, "customer", "customer", "customer");
        }
        p.strings("payment_method_types");
        p.child("automatic_payment_methods");
        p.string("capture_method");
        p.string("setup_future_usage");
        Map<String, Object> intent = newIntent(call, amount, currency, customer, p.string("description"),
                p.metadata(null), p.string("receipt_email"));
        String paymentMethod = p.string("payment_method");
        if (paymentMethod != null) {
            intent.put("payment_method", paymentMethod);
            intent.put("status", "requires_confirmation");
            store.update(intent);
        }
        if (Boolean.TRUE.equals(p.bool("confirm"))) {
            Boolean offSession = p.bool("off_session");
            p.string("return_url");
            return confirm(call, intent, paymentMethod, Boolean.TRUE.equals(offSession), p.string("return_url"));
        }
        p.bool("off_session");
        p.string("return_url");
        return intent;
    }

    Map<String, Object> newIntent(Call call, long amount, String currency, String customer, String description,
                                  Map<String, Object> metadata, String receiptEmail) {
        String id = SandboxIds.next("pi_");
        Map<String, Object> intent = Obj.base(id, "payment_intent", call.now());
        intent.put("amount", amount);
        intent.put("amount_capturable", 0L);
        intent.put("amount_received", 0L);
        intent.put("automatic_payment_methods", null);
        intent.put("canceled_at", null);
        intent.put("cancellation_reason", null);
        intent.put("capture_method", "automatic");
        intent.put("client_secret", id + "_secret_" + SandboxIds.random(24));
        intent.put("confirmation_method", "automatic");
        intent.put("currency", currency);
        intent.put("customer", customer);
        intent.put("description", description);
        intent.put("last_payment_error", null);
        intent.put("latest_charge", null);
        intent.put("metadata", metadata);
        intent.put("next_action", null);
        intent.put("payment_method", null);
        intent.put("payment_method_types", List.of("card"));
        intent.put("receipt_email", receiptEmail);
        intent.put("setup_future_usage", null);
        intent.put("status", "requires_payment_method");
        store.insert(intent);
        events.emit(call, "payment_intent.created", intent, null);
        return intent;
    }

    private Map<String, Object> confirmCall(Call call) {
        Map<String, Object> intent = store.getForUpdate(call.var("id"), "payment_intent", "id", "payment_intent");
        Params p = call.params();
        String paymentMethod = p.string("payment_method");
        boolean offSession = Boolean.TRUE.equals(p.bool("off_session"));
        String returnUrl = p.string("return_url");
        if (paymentMethod == null) {
            paymentMethod = Obj.str(intent, "payment_method");
        }
        return confirm(call, intent, paymentMethod, offSession, returnUrl);
    }

    private Map<String, Object> confirm(Call call, Map<String, Object> intent, String paymentMethod, boolean offSession,
                                        String returnUrl) {
        String status = Obj.str(intent, "status");
        if (!List.of("requires_payment_method", "requires_confirmation", "requires_action").contains(status)) {
            throw StripeError.invalid(null, "payment_intent_unexpected_state", "This PaymentIntent's status is "
                    + status + " and cannot be confirmed.");
        }
        if (paymentMethod == null || paymentMethod.isEmpty()) {
            throw StripeError.invalid("payment_method", "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method.");
        }
        String number = TestCard.numberForToken(paymentMethod);
        Map<String, Object> method = number != null ? paymentMethod(call, number, Obj.str(intent, "customer"))
                : store.get(paymentMethod, "payment_method", "payment_method", "PaymentMethod");
        Attempt attempt = attempt(call, intent, method, offSession, returnUrl);
        if (attempt.error() != null) {
            throw attempt.error();
        }
        return attempt.intent();
    }

    private Map<String, Object> cancelCall(Call call) {
        Map<String, Object> intent = store.getForUpdate(call.var("id"), "payment_intent", "id", "payment_intent");
        String status = Obj.str(intent, "status");
        if (List.of("succeeded", "canceled").contains(status)) {
            throw StripeError.invalid(null, "payment_intent_unexpected_state", "You cannot cancel this PaymentIntent "
                    + "because it has a status of " + status + ".");
        }
        intent.put("status", "canceled");
        intent.put("canceled_at", call.now());
        intent.put("cancellation_reason", call.params().oneOf("cancellation_reason", "requested_by_customer",
                "duplicate", "fraudulent", "requested_by_customer", "abandoned"));
        intent.put("next_action", null);
        store.update(intent);
        events.emit(call, "payment_intent.canceled", intent, Obj.of("status", status));
        return intent;
    }

    /** The outcome of one try to pay: the intent as it now stands, and Stripe's 402 error when declined. */
    record Attempt(Map<String, Object> intent, StripeError error) {

        boolean needsAuthentication() {
            return "requires_action".equals(intent.get("status"));
        }
    }

    /**
     * Tries a stored card (null: none) on the intent with Stripe's test-card outcome; everything it creates is
     * stored.
     */
    Attempt attempt(Call call, Map<String, Object> intent, Map<String, Object> method, boolean offSession, String returnUrl) {
        TestCard card = TestCard.of(method);
        intent.put("payment_method", method == null ? null : method.get("id"));
        if (card == TestCard.INCORRECT_NUMBER) {
            return decline(call, intent, card, method, false);
        }
        if (card.needsAuthentication()) {
            if (offSession) {
                return decline(call, intent, card, method, true);
            }
            intent.put("status", "requires_action");
            intent.put("next_action", Obj.of("type", "redirect_to_url", "redirect_to_url", Obj.of(
                    "url", "/sandbox/authenticate/" + intent.get("id"), "return_url", returnUrl)));
            store.update(intent);
            events.emit(call, "payment_intent.requires_action", intent, Obj.of("status", "requires_payment_method"));
            return new Attempt(intent, null);
        }
        if (card.declines()) {
            return decline(call, intent, card, method, false);
        }
        return new Attempt(succeed(call, intent, card, method), null);
    }

    /** After the 3-D Secure challenge page: approved pays, failed leaves the intent needing a new card. */
    Attempt authenticate(Call call, Map<String, Object> intent, boolean approved) {
        if (!"requires_action".equals(intent.get("status"))) {
            throw StripeError.invalid(null, "payment_intent_unexpected_state", "This PaymentIntent needs no authentication.");
        }
        Map<String, Object> method = store.get(Obj.str(intent, "payment_method"), "payment_method", "payment_method", "PaymentMethod");
        intent.put("next_action", null);
        if (approved) {
            return new Attempt(succeed(call, intent, TestCard.SUCCESS, method), null);
        }
        StripeError error = StripeError.card("payment_intent_authentication_failure", null,
                "We are unable to authenticate your payment method. Please choose a different payment method and try again.");
        intent.put("status", "requires_payment_method");
        intent.put("last_payment_error", Obj.of("type", "card_error", "code", error.code, "decline_code", null,
                "message", error.getMessage(), "payment_method", SandboxApiController.render(method)));
        store.update(intent);
        events.emit(call, "payment_intent.payment_failed", intent, Obj.of("status", "requires_action"));
        error.extra.put("payment_intent", SandboxApiController.render(intent));
        return new Attempt(intent, error);
    }

    /**
     * Saves a typed test card as a payment method: brand, last four and which test card it is — never the number.
     * A number that is no test card is refused first ({@link TestCard#require}).
     */
    Map<String, Object> paymentMethod(Call call, String number, String customer) {
        TestCard card = TestCard.require(number);
        String digits = TestCard.digits(number);
        Map<String, Object> method = Obj.base(SandboxIds.next("pm_"), "payment_method", call.now());
        method.put("billing_details", Obj.of("address", null, "email", null, "name", null, "phone", null));
        method.put("card", Obj.of("brand", TestCard.brand(digits), "country", "US", "exp_month", 12L,
                "exp_year", 2034L, "funding", "credit",
                "last4", digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits));
        method.put("customer", customer);
        method.put("metadata", Obj.of());
        method.put("type", "card");
        method.put(TestCard.STORED, card.name());
        store.insert(method);
        return method;
    }

    /**
     * Stripe's SEPA Direct Debit test IBANs: each is accepted at once, stays "processing", and settles
     * (succeeds or fails) {@link #DEBIT_SETTLES_AFTER} seconds later — on the sandbox clock.
     */
    static final Map<String, Boolean> TEST_IBANS = Map.of(
            "DE89370400440532013000", true, "AT611904300234573201", true, "NL39RABO0300065264", true,
            "DE62370400440532013001", false, "AT861904300235473202", false, "NL91ABNA0417164300", false);
    static final long DEBIT_SETTLES_AFTER = 180;

    /**
     * Debits a test IBAN for the intent: the charge is pending and the intent processing until
     * {@link #settleDue} runs after the settlement time. An IBAN that is not a test IBAN is refused
     * (thrown, so that nothing of the attempt is kept).
     */
    Attempt debit(Call call, Map<String, Object> intent, String iban, String name, String email) {
        String account = iban == null ? "" : iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        Boolean succeeds = TEST_IBANS.get(account);
        if (succeeds == null) {
            throw StripeError.invalid("payment_method_data[sepa_debit][iban]", "invalid_bank_account_iban",
                    "The IBAN you provided is not one of the test IBANs.");
        }
        Map<String, Object> method = Obj.base(SandboxIds.next("pm_"), "payment_method", call.now());
        method.put("billing_details", Obj.of("address", null, "email", email, "name", name, "phone", null));
        method.put("sepa_debit", Obj.of("bank_code", account.substring(4, 12), "branch_code", "",
                "country", account.substring(0, 2), "fingerprint", SandboxIds.random(16),
                "last4", account.substring(account.length() - 4)));
        method.put("customer", intent.get("customer"));
        method.put("metadata", Obj.of());
        method.put("type", "sepa_debit");
        store.insert(method);
        Map<String, Object> charge = charge(call, intent, method, "pending", null);
        charge.put("payment_method_details", Obj.of("sepa_debit", method.get("sepa_debit"), "type", "sepa_debit"));
        store.update(charge);
        events.emit(call, "charge.pending", charge, null);
        String previousStatus = Obj.str(intent, "status");
        intent.put("payment_method", method.get("id"));
        intent.put("payment_method_types", List.of("sepa_debit"));
        intent.put("latest_charge", charge.get("id"));
        intent.put("status", "processing");
        intent.put("_settles_at", call.now() + DEBIT_SETTLES_AFTER);
        intent.put("_settles", succeeds);
        store.update(intent);
        events.emit(call, "payment_intent.processing", intent, Obj.of("status", previousStatus));
        return new Attempt(intent, null);
    }

    /** Settles every bank debit whose time has come; returns the intents settled (succeeded or failed). */
    List<Map<String, Object>> settleDue(Call call) {
        List<Map<String, Object>> settled = new ArrayList<>();
        for (Map<String, Object> due : store.list("payment_intent", i -> "processing".equals(i.get("status"))
                && i.get("_settles_at") != null && Obj.longOf(i, "_settles_at") <= call.now(), 100, null).data()) {
            Map<String, Object> intent = store.getForUpdate(Obj.str(due, "id"), "payment_intent", "payment_intent",
                    "payment_intent");
            if (!"processing".equals(intent.get("status"))) {
                continue;
            }
            Map<String, Object> charge = store.getForUpdate(Obj.str(intent, "latest_charge"), "charge", "charge", "charge");
            intent.remove("_settles_at");
            if (Boolean.TRUE.equals(intent.remove("_settles"))) {
                settle(call, intent, charge, false);
            } else {
                charge.put("status", "failed");
                charge.put("failure_code", "insufficient_funds");
                charge.put("failure_message", "The customer's account has insufficient funds to cover this payment.");
                store.update(charge);
                events.emit(call, "charge.failed", charge, Obj.of("status", "pending"));
                intent.put("status", "requires_payment_method");
                intent.put("last_payment_error", Obj.of("type", "invalid_request_error", "code", "insufficient_funds",
                        "decline_code", null, "message", charge.get("failure_message"), "charge", charge.get("id"),
                        "payment_method", SandboxApiController.render(store.get(Obj.str(intent, "payment_method"),
                                "payment_method", "payment_method", "PaymentMethod"))));
                store.update(intent);
                events.emit(call, "payment_intent.payment_failed", intent, Obj.of("status", "processing"));
            }
            settled.add(intent);
        }
        return settled;
    }

    private Attempt decline(Call call, Map<String, Object> intent, TestCard card, Map<String, Object> method,
                            boolean authenticationRequired) {
        String code = authenticationRequired ? "authentication_required" : card.code;
        String declineCode = authenticationRequired ? "authentication_required" : card.declineCode;
        String message = authenticationRequired ? "Your card was declined. This transaction requires authentication."
                : card.message;
        Map<String, Object> charge = null;
        if (card != TestCard.INCORRECT_NUMBER) {
            charge = charge(call, intent, method, "failed", null);
            charge.put("failure_code", code);
            charge.put("failure_message", message);
            charge.put("outcome", Obj.of("network_status", "declined_by_network", "reason", declineCode,
                    "risk_level", "normal", "seller_message", "The bank did not return any further details with this decline.",
                    "type", "issuer_declined"));
            store.update(charge);
            events.emit(call, "charge.failed", charge, null);
            intent.put("latest_charge", charge.get("id"));
        }
        String previousStatus = Obj.str(intent, "status");
        intent.put("status", "requires_payment_method");
        intent.put("next_action", null);
        intent.put("last_payment_error", Obj.of("type", "card_error", "code", code, "decline_code", declineCode,
                "message", message, "charge", charge == null ? null : charge.get("id"),
                "payment_method", SandboxApiController.render(method)));
        store.update(intent);
        events.emit(call, "payment_intent.payment_failed", intent, Obj.of("status", previousStatus));
        StripeError error = StripeError.card(code, declineCode, message);
        if (charge != null) {
            error.extra.put("charge", charge.get("id"));
        }
        error.extra.put("payment_intent", SandboxApiController.render(intent));
        return new Attempt(intent, error);
    }

    private Map<String, Object> succeed(Call call, Map<String, Object> intent, TestCard card, Map<String, Object> method) {
        Map<String, Object> charge = charge(call, intent, method, "succeeded", null);
        settle(call, intent, charge, card == TestCard.AVAILABLE_IMMEDIATELY);
        if (card == TestCard.DISPUTE_LATER) {
            dispute(call, charge);
        }
        return intent;
    }

    /** The money arrived: the charge succeeds with its balance transaction (fee and net), the intent too. */
    private void settle(Call call, Map<String, Object> intent, Map<String, Object> charge, boolean availableNow) {
        long amount = Obj.longOf(intent, "amount");
        String currency = Obj.str(intent, "currency");
        long fee = SandboxCurrencies.fee(amount, currency);
        Map<String, Object> transaction = balanceTransaction(call, amount, fee, currency, "charge", "charge",
                Obj.str(charge, "id"), availableNow);
        String previousChargeStatus = Obj.str(charge, "status");
        charge.put("status", "succeeded");
        charge.put("balance_transaction", transaction.get("id"));
        charge.put("paid", true);
        charge.put("captured", true);
        charge.put("amount_captured", amount);
        charge.put("outcome", Obj.of("network_status", "approved_by_network", "reason", null, "risk_level", "normal",
                "seller_message", "Payment complete.", "type", "authorized"));
        store.update(charge);
        events.emit(call, "charge.succeeded", charge,
                "pending".equals(previousChargeStatus) ? Obj.of("status", previousChargeStatus) : null);
        String previousStatus = Obj.str(intent, "status");
        intent.put("status", "succeeded");
        intent.put("amount_received", amount);
        intent.put("latest_charge", charge.get("id"));
        intent.put("last_payment_error", null);
        intent.put("next_action", null);
        store.update(intent);
        events.emit(call, "payment_intent.succeeded", intent, Obj.of("status", previousStatus));
    }

    private Map<String, Object> charge(Call call, Map<String, Object> intent, Map<String, Object> method, String status,
                                       String balanceTransaction) {
        Map<String, Object> charge = Obj.base(SandboxIds.next("ch_"), "charge", call.now());
        charge.put("amount", intent.get("amount"));
        charge.put("amount_captured", 0L);
        charge.put("amount_refunded", 0L);
        charge.put("balance_transaction", balanceTransaction);
        charge.put("billing_details", method.get("billing_details"));
        charge.put("calculated_statement_descriptor", "SANDBOX");
        charge.put("captured", false);
        charge.put("currency", intent.get("currency"));
        charge.put("customer", intent.get("customer"));
        charge.put("description", intent.get("description"));
        charge.put("disputed", false);
        charge.put("failure_balance_transaction", null);
        charge.put("failure_code", null);
        charge.put("failure_message", null);
        charge.put("fraud_details", Obj.of());
        charge.put("metadata", intent.get("metadata"));
        charge.put("outcome", null);
        charge.put("paid", false);
        charge.put("payment_intent", intent.get("id"));
        charge.put("payment_method", method.get("id"));
        charge.put("payment_method_details", Obj.of("card", method.get("card"), "type", "card"));
        charge.put("receipt_email", intent.get("receipt_email"));
        // Stripe hosts a receipt for every charge; the sandbox too (HostedReceiptController).
        charge.put("receipt_url", call.origin() + "/sandbox/receipt/" + charge.get("id"));
        charge.put("refunded", false);
        charge.put("status", status);
        store.insert(charge);
        return charge;
    }

    private Map<String, Object> balanceTransaction(Call call, long amount, long fee, String currency, String type,
                                                   String category, String source, boolean availableNow) {
        Map<String, Object> transaction = Obj.of("id", SandboxIds.next("txn_"), "object", "balance_transaction",
                "amount", amount, "available_on", availableNow ? call.now() : call.now() + 2 * DAY,
                "created", call.now(), "currency", currency, "description", null, "exchange_rate", null,
                "fee", fee, "fee_details", fee == 0 ? new ArrayList<>() : List.of(Obj.of("amount", fee,
                        "application", null, "currency", currency, "description", "Stripe processing fees",
                        "type", "stripe_fee")),
                "net", amount - fee, "reporting_category", category, "source", source,
                "status", availableNow ? "available" : "pending", "type", type);
        store.insert(transaction);
        return transaction;
    }

    private void dispute(Call call, Map<String, Object> charge) {
        long amount = Obj.longOf(charge, "amount");
        String currency = Obj.str(charge, "currency");
        Map<String, Object> dispute = Obj.base(SandboxIds.next("du_"), "dispute", call.now());
        Map<String, Object> transaction = balanceTransaction(call, -amount, 0, currency, "adjustment", "dispute",
                Obj.str(dispute, "id"), true);
        dispute.put("amount", amount);
        dispute.put("balance_transactions", List.of(SandboxApiController.render(transaction)));
        dispute.put("charge", charge.get("id"));
        dispute.put("currency", currency);
        dispute.put("evidence_details", Obj.of("due_by", call.now() + 7 * DAY, "has_evidence", false,
                "past_due", false, "submission_count", 0L));
        dispute.put("is_charge_refundable", false);
        dispute.put("metadata", Obj.of());
        dispute.put("payment_intent", charge.get("payment_intent"));
        dispute.put("reason", "fraudulent");
        dispute.put("status", "needs_response");
        store.insert(dispute);
        charge.put("disputed", true);
        store.update(charge);
        events.emit(call, "charge.dispute.created", dispute, null);
    }

    /**
     * Evidence for a dispute. As in Stripe's test mode, submitting the text {@code winning_evidence} or
     * {@code losing_evidence} closes the dispute won or lost at once (and sends charge.dispute.closed).
     */
    private Map<String, Object> updateDispute(Call call) {
        Map<String, Object> dispute = store.getForUpdate(call.var("id"), "dispute", "id", "dispute");
        Params p = call.params();
        Params evidence = p.child("evidence");
        String text = evidence == null ? null : evidence.string("uncategorized_text");
        boolean submit = p.bool("submit") == null || p.bool("submit");
        dispute.put("metadata", p.metadata(Obj.map(dispute, "metadata")));
        if (!List.of("needs_response", "warning_needs_response", "under_review").contains(dispute.get("status"))) {
            throw StripeError.invalid("id", "dispute_already_closed", "This dispute is already closed.");
        }
        Map<String, Object> previous = Obj.of("status", dispute.get("status"));
        if (text != null) {
            dispute.put("evidence", Obj.of("uncategorized_text", text));
        }
        if (submit) {
            Map<String, Object> details = Obj.map(dispute, "evidence_details");
            details.put("has_evidence", text != null);
            details.put("submission_count", Obj.longOf(details, "submission_count") + 1);
            if ("winning_evidence".equals(text) || "losing_evidence".equals(text)) {
                boolean won = "winning_evidence".equals(text);
                dispute.put("status", won ? "won" : "lost");
                if (won) {
                    long amount = Obj.longOf(dispute, "amount");
                    Map<String, Object> reversal = balanceTransaction(call, amount, 0, Obj.str(dispute, "currency"),
                            "adjustment", "dispute", Obj.str(dispute, "id"), true);
                    List<Object> transactions = new java.util.ArrayList<>(Obj.list(dispute, "balance_transactions"));
                    transactions.add(SandboxApiController.render(reversal));
                    dispute.put("balance_transactions", transactions);
                }
                store.update(dispute);
                events.emit(call, "charge.dispute.updated", dispute, previous);
                events.emit(call, "charge.dispute.closed", dispute, previous);
                return dispute;
            }
            dispute.put("status", "under_review");
        }
        store.update(dispute);
        events.emit(call, "charge.dispute.updated", dispute, previous);
        return dispute;
    }

    // --- refunds

    private Map<String, Object> createRefund(Call call) {
        Params p = call.params();
        String chargeId = p.string("charge");
        String intentId = p.string("payment_intent");
        if (chargeId == null && intentId == null) {
            throw StripeError.invalid("charge", "parameter_missing", "One of the following params should be provided "
                    + "for this request: payment_intent or charge.");
        }
        if (chargeId == null) {
            Map<String, Object> intent = store.get(intentId, "payment_intent", "payment_intent", "payment_intent");
            if (!"succeeded".equals(intent.get("status"))) {
                throw StripeError.invalid("payment_intent", "charge_not_refundable", "This PaymentIntent does not have "
                        + "a successful charge to refund.");
            }
            chargeId = Obj.str(intent, "latest_charge");
        }
        Map<String, Object> charge = store.getForUpdate(chargeId, "charge", "charge", "charge");
        if (!"succeeded".equals(charge.get("status"))) {
            throw StripeError.invalid("charge", "charge_not_refundable", "This charge cannot be refunded.");
        }
        long remaining = Obj.longOf(charge, "amount") - Obj.longOf(charge, "amount_refunded");
        if (remaining == 0) {
            throw StripeError.invalid("charge", "charge_already_refunded", "Charge " + chargeId
                    + " has already been refunded.");
        }
        Long requested = p.longValue("amount");
        long amount = requested == null ? remaining : requested;
        String currency = Obj.str(charge, "currency");
        if (amount < 1) {
            throw StripeError.invalid("amount", "parameter_invalid_integer", "This value must be greater than or equal to 1.");
        }
        if (amount > remaining) {
            throw StripeError.invalid("amount", "amount_too_large", "Refund amount (" + SandboxCurrencies.display(amount, currency)
                    + ") is greater than unrefunded amount on charge (" + SandboxCurrencies.display(remaining, currency) + ")");
        }
        Map<String, Object> refund = Obj.of("id", SandboxIds.next("re_"), "object", "refund", "amount", amount,
                "balance_transaction", null, "charge", chargeId, "created", call.now(), "currency", currency,
                "destination_details", Obj.of("card", Obj.of("reference_status", "pending", "reference_type",
                        "acquirer_reference_number", "type", "refund"), "type", "card"),
                "metadata", p.metadata(null), "payment_intent", charge.get("payment_intent"),
                "reason", p.oneOf("reason", null, "duplicate", "fraudulent", "requested_by_customer"),
                "receipt_number", null, "source_transfer_reversal", null, "status", "succeeded",
                "transfer_reversal", null);
        Map<String, Object> transaction = balanceTransaction(call, -amount, 0, currency, "refund", "refund",
                Obj.str(refund, "id"), true);
        refund.put("balance_transaction", transaction.get("id"));
        store.insert(refund);
        long refundedBefore = Obj.longOf(charge, "amount_refunded");
        charge.put("amount_refunded", refundedBefore + amount);
        charge.put("refunded", Objects.equals(refundedBefore + amount, Obj.longOf(charge, "amount")));
        store.update(charge);
        events.emit(call, "refund.created", refund, null);
        events.emit(call, "charge.refunded", charge, Obj.of("amount_refunded", refundedBefore, "refunded", false));
        return refund;
    }
}
