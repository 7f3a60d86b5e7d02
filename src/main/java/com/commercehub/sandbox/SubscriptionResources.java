package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions (created by Checkout in subscription mode; cancel now or at period end, pause and
 * resume), their invoices, and the sandbox's test clock: advancing it renews every subscription whose
 * period ended, charging the saved card off-session — so failing renewals show as Stripe shows them.
 */
@Component
class SubscriptionResources extends SandboxRoutes {

    static final String CLOCK_ID = "clock_sandbox";

    private final SandboxStore store;
    private final SandboxEvents events;
    private final PaymentResources payments;
    private final SandboxTime time;

    SubscriptionResources(SandboxStore store, SandboxEvents events, PaymentResources payments, SandboxTime time) {
        this.store = store;
        this.events = events;
        this.payments = payments;
        this.time = time;

        get("/v1/subscriptions/{id}", call -> store.get(call.var("id"), "subscription", "id", "subscription"));
        post("/v1/subscriptions/{id}", this::update);
        delete("/v1/subscriptions/{id}", call -> cancelNow(call, store.getForUpdate(call.var("id"), "subscription", "id", "subscription")));
        post("/v1/subscriptions/{id}/resume", call -> resume(call, store.getForUpdate(call.var("id"), "subscription", "id", "subscription")));
        get("/v1/subscriptions", call -> {
            String customer = call.params().string("customer");
            String status = call.params().string("status");
            return store.list("subscription", s -> (customer == null || customer.equals(s.get("customer")))
                            && (status == null ? !"canceled".equals(s.get("status")) : "all".equals(status) || status.equals(s.get("status"))),
                    call.limit(), call.startingAfter()).toList(call.path());
        });

        post("/v1/invoices/create_preview", this::preview);
        get("/v1/invoices/{id}", call -> store.get(call.var("id"), "invoice", "id", "invoice"));
        get("/v1/invoices", call -> {
            String customer = call.params().string("customer");
            String subscription = call.params().string("subscription");
            return store.list("invoice", i -> (customer == null || customer.equals(i.get("customer")))
                            && (subscription == null || subscription.equals(Obj.str(i, "_subscription"))),
                    call.limit(), call.startingAfter()).toList(call.path());
        });

        post("/v1/test_helpers/test_clocks", call -> {
            call.params().longValue("frozen_time");
            call.params().string("name");
            return clock(call.now());
        });
        get("/v1/test_helpers/test_clocks/{id}", call -> {
            if (!CLOCK_ID.equals(call.var("id"))) {
                throw StripeError.notFound("test_clock", "test_clock", call.var("id"));
            }
            return clock(call.now());
        });
        post("/v1/test_helpers/test_clocks/{id}/advance", call -> {
            if (!CLOCK_ID.equals(call.var("id"))) {
                throw StripeError.notFound("test_clock", "test_clock", call.var("id"));
            }
            long target = time.advanceTo(call.params().requiredLong("frozen_time"));
            Call later = new Call(call.method(), call.path(), call.vars(), call.params(), call.requestId(),
                    call.idempotencyKey(), target, call.origin());
            renewDue(later);
            return clock(target);
        });
    }

    /** The sandbox has one clock for everything; it is shown in Stripe's test-clock shape. */
    private static Map<String, Object> clock(long now) {
        return Obj.of("id", CLOCK_ID, "object", "test_helpers.test_clock", "created", 0L, "deletes_after", now + 30 * 86_400L,
                "frozen_time", now, "livemode", false, "name", "Sandbox clock", "status", "ready",
                "status_details", Obj.of());
    }

    static long periodEnd(long start, Map<String, Object> recurring) {
        long count = Obj.longOf(recurring, "interval_count");
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        ZonedDateTime to = switch (Obj.str(recurring, "interval")) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
        return to.toEpochSecond();
    }

    /** Checkout in subscription mode completed: the subscription and its first (paid) invoice. */
    @SuppressWarnings("unchecked")
    Map<String, Object> createFromCheckout(Call call, Map<String, Object> session, String paymentMethod, String paymentIntent) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) (List<?>) Obj.list(Obj.map(session, "_line_items"), "data");
        Map<String, Object> subscriptionData = Obj.map(session, "_subscription_data");
        Long trialDays = subscriptionData == null || subscriptionData.get("trial_period_days") == null ? null
                : Obj.longOf(subscriptionData, "trial_period_days");
        long start = call.now();
        Map<String, Object> firstRecurring = lines.stream().filter(l -> Obj.map(Obj.map(l, "price"), "recurring") != null)
                .findFirst().orElseThrow();
        long end = trialDays != null ? start + trialDays * 86_400L
                : periodEnd(start, Obj.map(Obj.map(firstRecurring, "price"), "recurring"));
        String id = SandboxIds.next("sub_");
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            if (Obj.map(Obj.map(line, "price"), "recurring") == null) {
                continue;
            }
            items.add(Obj.of("id", SandboxIds.next("si_"), "object", "subscription_item", "created", start,
                    "current_period_start", start, "current_period_end", end, "metadata", Obj.of(),
                    "price", line.get("price"), "quantity", line.get("quantity"), "subscription", id,
                    "tax_rates", SandboxApiController.render(line.containsKey("_own_tax_rates")
                            ? Obj.list(line, "_own_tax_rates") : Obj.list(line, "_tax_rates")),
                    "discounts", new ArrayList<>()));
        }
        Map<String, Object> subscription = Obj.base(id, "subscription", start);
        subscription.put("billing_cycle_anchor", end);
        subscription.put("cancel_at", null);
        subscription.put("cancel_at_period_end", false);
        subscription.put("canceled_at", null);
        subscription.put("cancellation_details", Obj.of("comment", null, "feedback", null, "reason", null));
        subscription.put("collection_method", "charge_automatically");
        subscription.put("currency", session.get("currency"));
        subscription.put("customer", session.get("customer"));
        subscription.put("default_payment_method", paymentMethod);
        subscription.put("default_tax_rates", subscriptionData == null ? new ArrayList<>()
                : SandboxApiController.render(Obj.list(subscriptionData, "default_tax_rates")));
        subscription.put("description", subscriptionData == null ? null : subscriptionData.get("description"));
        subscription.put("discounts", new ArrayList<>());
        subscription.put("ended_at", null);
        subscription.put("items", Obj.of("object", "list", "data", items, "has_more", false,
                "url", "/v1/subscription_items?subscription=" + id));
        subscription.put("latest_invoice", null);
        subscription.put("metadata", subscriptionData == null || subscriptionData.get("metadata") == null ? Obj.of()
                : subscriptionData.get("metadata"));
        subscription.put("pause_collection", null);
        subscription.put("start_date", start);
        subscription.put("status", trialDays != null ? "trialing" : "active");
        subscription.put("trial_end", trialDays != null ? end : null);
        subscription.put("trial_start", trialDays != null ? start : null);
        subscription.put("_coupon", Obj.list(session, "discounts").isEmpty() ? null
                : Obj.str((Map<String, Object>) Obj.list(session, "discounts").getFirst(), "coupon"));
        store.insert(subscription);
        List<Object> invoiceLines = new ArrayList<>();
        long total = 0;
        for (Map<String, Object> line : lines) {
            boolean recurring = Obj.map(Obj.map(line, "price"), "recurring") != null;
            if (recurring && trialDays != null) {
                continue;
            }
            invoiceLines.add(invoiceLine(line, start, recurring ? end : start));
            total += Obj.longOf(line, "amount_total");
        }
        Map<String, Object> invoice = invoice(call, subscription, invoiceLines, total, "subscription_create", start, start);
        markPaid(call, invoice, paymentIntent);
        subscription.put("latest_invoice", invoice.get("id"));
        store.update(subscription);
        events.emit(call, "customer.subscription.created", subscription, null);
        return subscription;
    }

    private static Map<String, Object> invoiceLine(Map<String, Object> line, long start, long end) {
        return Obj.of("id", SandboxIds.next("il_"), "object", "line_item", "amount", line.get("amount_total"),
                "currency", line.get("currency"), "description", line.get("description"), "livemode", false,
                "metadata", Obj.of(), "period", Obj.of("start", start, "end", end),
                "pricing", Obj.of("type", "price_details", "price_details", Obj.of("price", Obj.str(Obj.map(line, "price"), "id"),
                        "product", Obj.str(Obj.map(line, "price"), "product")), "unit_amount_decimal",
                        Obj.str(Obj.map(line, "price"), "unit_amount_decimal")),
                "quantity", line.get("quantity"));
    }

    private Map<String, Object> invoice(Call call, Map<String, Object> subscription, List<Object> lines, long total,
                                        String reason, long periodStart, long periodEnd) {
        String id = SandboxIds.next("in_");
        Map<String, Object> invoice = Obj.base(id, "invoice", call.now());
        invoice.put("amount_due", total);
        invoice.put("amount_paid", 0L);
        invoice.put("amount_remaining", total);
        invoice.put("attempt_count", 0L);
        invoice.put("attempted", false);
        invoice.put("billing_reason", reason);
        invoice.put("collection_method", "charge_automatically");
        invoice.put("currency", subscription.get("currency"));
        invoice.put("customer", subscription.get("customer"));
        // Stripe copies the customer's e-mail and name onto each invoice as it is finalized.
        Map<String, Object> customer = subscription.get("customer") == null ? Map.of()
                : store.find((String) subscription.get("customer")).orElse(Map.of());
        invoice.put("customer_email", customer.get("email"));
        invoice.put("customer_name", customer.get("name"));
        invoice.put("due_date", null);
        invoice.put("hosted_invoice_url", null);
        invoice.put("lines", Obj.of("object", "list", "data", lines, "has_more", false, "url", "/v1/invoices/" + id + "/lines"));
        invoice.put("metadata", Obj.of());
        invoice.put("number", "SBX-" + SandboxIds.random(6).toUpperCase(java.util.Locale.ROOT));
        invoice.put("parent", Obj.of("type", "subscription_details", "quote_details", null,
                "subscription_details", Obj.of("metadata", subscription.get("metadata"), "subscription", subscription.get("id"))));
        invoice.put("period_start", periodStart);
        invoice.put("period_end", periodEnd);
        invoice.put("status", "open");
        invoice.put("status_transitions", Obj.of("finalized_at", call.now(), "paid_at", null, "voided_at", null,
                "marked_uncollectible_at", null));
        invoice.put("subtotal", total);
        invoice.put("total", total);
        invoice.put("_subscription", subscription.get("id"));
        store.insert(invoice);
        events.emit(call, "invoice.created", invoice, null);
        events.emit(call, "invoice.finalized", invoice, null);
        return invoice;
    }

    private void markPaid(Call call, Map<String, Object> invoice, String paymentIntent) {
        invoice.put("amount_paid", invoice.get("amount_due"));
        invoice.put("amount_remaining", 0L);
        invoice.put("attempted", true);
        invoice.put("attempt_count", Obj.longOf(invoice, "attempt_count") + 1);
        invoice.put("status", "paid");
        Obj.map(invoice, "status_transitions").put("paid_at", call.now());
        invoice.put("_payment_intent", paymentIntent);
        store.update(invoice);
        events.emit(call, "invoice.paid", invoice, Obj.of("status", "open"));
        events.emit(call, "invoice.payment_succeeded", invoice, Obj.of("status", "open"));
    }

    /** Renews every subscription whose period has ended by the sandbox's now. */
    @SuppressWarnings("unchecked")
    void renewDue(Call call) {
        List<Map<String, Object>> due = store.list("subscription", s -> List.of("active", "trialing", "past_due").contains(s.get("status"))
                && currentPeriodEnd(s) <= call.now(), 1000, null).data();
        for (Map<String, Object> found : due) {
            Map<String, Object> subscription = store.getForUpdate(Obj.str(found, "id"), "subscription", "id", "subscription");
            // A clock jump over several periods renews each one in turn.
            for (int guard = 0; guard < 120 && "active,trialing,past_due".contains(Obj.str(subscription, "status"))
                    && currentPeriodEnd(subscription) <= call.now(); guard++) {
                renewOnce(call, subscription);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long currentPeriodEnd(Map<String, Object> subscription) {
        List<Object> items = Obj.list(Obj.map(subscription, "items"), "data");
        return items.isEmpty() ? Long.MAX_VALUE : Obj.longOf((Map<String, Object>) items.getFirst(), "current_period_end");
    }

    @SuppressWarnings("unchecked")
    private void renewOnce(Call call, Map<String, Object> subscription) {
        long start = currentPeriodEnd(subscription);
        String previousStatus = Obj.str(subscription, "status");
        if (Boolean.TRUE.equals(subscription.get("cancel_at_period_end"))) {
            cancel(call, subscription, start);
            return;
        }
        List<Object> items = Obj.list(Obj.map(subscription, "items"), "data");
        long end = periodEnd(start, Obj.map(Obj.map((Map<String, Object>) items.getFirst(), "price"), "recurring"));
        for (Object item : items) {
            ((Map<String, Object>) item).put("current_period_start", start);
            ((Map<String, Object>) item).put("current_period_end", end);
        }
        Draft draft = renewal(subscription, start, end, Obj.list(subscription, "_pending_prorations"));
        List<Object> lines = draft.lines();
        long total = draft.total();
        subscription.remove("_pending_prorations");
        Map<String, Object> invoice = invoice(call, subscription, lines, total, "subscription_cycle", start, end);
        subscription.put("latest_invoice", invoice.get("id"));
        boolean paused = subscription.get("pause_collection") != null;
        if (paused || total == 0) {
            invoice.put("status", paused ? "void" : "paid");
            store.update(invoice);
            subscription.put("status", "active");
        } else {
            subscription.put("status", charge(call, subscription, invoice, total) ? "active" : "past_due");
        }
        store.update(subscription);
        events.emit(call, "customer.subscription.updated", subscription, Obj.of("status", previousStatus,
                "current_period_start", Obj.longOf(subscription, "start_date")));
    }

    /** The lines and total (never below zero) of an invoice. */
    private record Draft(List<Object> lines, long total) {
    }

    /** The renewal invoice for the period {@code start}–{@code end} at the items as they are, plus pending prorations. */
    @SuppressWarnings("unchecked")
    private Draft renewal(Map<String, Object> subscription, long start, long end, List<Object> prorations) {
        List<Map<String, Object>> priced = new ArrayList<>();
        for (Object itemObject : Obj.list(Obj.map(subscription, "items"), "data")) {
            Map<String, Object> item = (Map<String, Object>) itemObject;
            Map<String, Object> price = Obj.map(item, "price");
            long amount = Obj.longOf(price, "unit_amount") * Obj.longOf(item, "quantity");
            // The item's own tax rates, else the subscription's defaults: every renewal is taxed.
            List<Object> rates = Obj.list(item, "tax_rates").isEmpty() ? Obj.list(subscription, "default_tax_rates")
                    : Obj.list(item, "tax_rates");
            priced.add(Obj.of("amount_subtotal", amount, "currency", price.get("currency"),
                    "description", store.find(Obj.str(price, "product")).map(p -> p.get("name")).orElse(null),
                    "price", price, "quantity", item.get("quantity"), "_tax_rates", rates));
        }
        LinePricing.Totals totals = LinePricing.price(priced, renewalCoupon(subscription, start));
        List<Object> lines = new ArrayList<>();
        for (Map<String, Object> line : priced) {
            lines.add(invoiceLine(line, start, end));
        }
        long total = totals.total();
        for (Object pending : prorations) {
            lines.add(pending);
            total += Obj.longOf((Map<String, Object>) pending, "amount");
        }
        return new Draft(lines, Math.max(0, total));
    }

    /**
     * {@code POST /v1/invoices/create_preview} for a subscription, optionally with the item changes of
     * {@code subscription_details}: the invoice those changes would bill now ({@code always_invoice}), else
     * the next renewal with the prorations it would carry. Nothing is stored.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> preview(Call call) {
        Params p = call.params();
        String customer = p.string("customer");
        String id = p.string("subscription");
        if (id == null) {
            throw StripeError.invalid("subscription", "parameter_missing",
                    "The sandbox previews invoices of subscriptions only: pass `subscription`.");
        }
        Map<String, Object> subscription = SandboxJson.read(SandboxJson.write(store.get(id, "subscription", "subscription", "subscription")));
        if (customer != null && !customer.equals(subscription.get("customer"))) {
            throw StripeError.invalid("customer", "invalid_request_error", "The subscription does not belong to customer " + customer + ".");
        }
        if ("canceled".equals(subscription.get("status"))) {
            throw StripeError.invalid("subscription", "invoice_upcoming_none",
                    "No upcoming invoices for customer: " + subscription.get("customer"));
        }
        Params details = p.child("subscription_details");
        String proration = "create_prorations";
        long at = call.now();
        List<Object> changes = new ArrayList<>();
        if (details != null) {
            proration = details.oneOf("proration_behavior", "create_prorations", "create_prorations", "none", "always_invoice");
            Long date = details.longValue("proration_date");
            at = date == null ? at : date;
            List<Params> items = details.list("items");
            if (!items.isEmpty()) {
                changes = prorate(subscription, items, proration, at, "subscription_details[items]");
            }
        }
        long end = currentPeriodEnd(subscription);
        Draft draft;
        long periodStart;
        long periodEnd;
        String reason;
        if ("always_invoice".equals(proration)) {
            long sum = changes.stream().mapToLong(l -> Obj.longOf((Map<String, Object>) l, "amount")).sum();
            draft = new Draft(changes, Math.max(0, sum));
            periodStart = at;
            periodEnd = end;
            reason = "subscription_update";
        } else {
            List<Object> pending = new ArrayList<>(Obj.list(subscription, "_pending_prorations"));
            pending.addAll(changes);
            List<Object> items = Obj.list(Obj.map(subscription, "items"), "data");
            periodStart = end;
            periodEnd = periodEnd(end, Obj.map(Obj.map((Map<String, Object>) items.getFirst(), "price"), "recurring"));
            draft = Boolean.TRUE.equals(subscription.get("cancel_at_period_end")) ? new Draft(pending, 0)
                    : renewal(subscription, periodStart, periodEnd, pending);
            reason = "subscription_cycle";
        }
        Map<String, Object> invoice = Obj.base("upcoming_in_" + SandboxIds.random(24), "invoice", call.now());
        invoice.put("amount_due", draft.total());
        invoice.put("amount_paid", 0L);
        invoice.put("amount_remaining", draft.total());
        invoice.put("attempt_count", 0L);
        invoice.put("attempted", false);
        invoice.put("billing_reason", reason);
        invoice.put("collection_method", "charge_automatically");
        invoice.put("currency", subscription.get("currency"));
        invoice.put("customer", subscription.get("customer"));
        invoice.put("lines", Obj.of("object", "list", "data", draft.lines(), "has_more", false, "url", "/v1/invoices/upcoming/lines"));
        invoice.put("metadata", Obj.of());
        invoice.put("next_payment_attempt", "always_invoice".equals(proration) ? at : periodStart);
        invoice.put("parent", Obj.of("type", "subscription_details", "quote_details", null,
                "subscription_details", Obj.of("metadata", subscription.get("metadata"), "subscription", id,
                        "subscription_proration_date", at)));
        invoice.put("period_start", periodStart);
        invoice.put("period_end", periodEnd);
        invoice.put("status", "draft");
        invoice.put("subtotal", draft.total());
        invoice.put("total", draft.total());
        return invoice;
    }

    /** The subscription's coupon, while it still applies: forever, or within its months when repeating. */
    private Map<String, Object> renewalCoupon(Map<String, Object> subscription, long periodStart) {
        String id = Obj.str(subscription, "_coupon");
        Map<String, Object> coupon = id == null ? null : store.find(id).orElse(null);
        if (coupon == null) {
            return null;
        }
        return switch (Obj.str(coupon, "duration")) {
            case "forever" -> coupon;
            case "repeating" -> Instant.ofEpochSecond(Obj.longOf(subscription, "start_date")).atZone(ZoneOffset.UTC)
                    .plusMonths(Obj.longOf(coupon, "duration_in_months")).toEpochSecond() > periodStart ? coupon : null;
            default -> null;
        };
    }

    private Map<String, Object> update(Call call) {
        Map<String, Object> subscription = store.getForUpdate(call.var("id"), "subscription", "id", "subscription");
        if ("canceled".equals(subscription.get("status"))) {
            throw StripeError.invalid(null, "resource_missing", "A canceled subscription can only update its metadata.");
        }
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        if (p.has("cancel_at_period_end")) {
            previous.put("cancel_at_period_end", subscription.get("cancel_at_period_end"));
            boolean atEnd = Boolean.TRUE.equals(p.bool("cancel_at_period_end"));
            subscription.put("cancel_at_period_end", atEnd);
            subscription.put("cancel_at", atEnd ? currentPeriodEnd(subscription) : null);
        }
        Params cancellation = p.child("cancellation_details");
        if (cancellation != null || p.has("cancel_at_period_end")) {
            previous.put("cancellation_details", subscription.get("cancellation_details"));
            subscription.put("cancellation_details", cancellationDetails(cancellation, subscription,
                    Boolean.TRUE.equals(subscription.get("cancel_at_period_end")) ? "cancellation_requested" : null));
        }
        if (p.has("pause_collection")) {
            previous.put("pause_collection", subscription.get("pause_collection"));
            Params pause = p.child("pause_collection");
            subscription.put("pause_collection", pause == null ? null : Obj.of(
                    "behavior", pause.oneOf("behavior", null, "keep_as_draft", "mark_uncollectible", "void"),
                    "resumes_at", pause.longValue("resumes_at")));
        }
        if (p.has("default_payment_method")) {
            // A saved method of the customer's, or one of Stripe's test tokens (pm_card_visa …) saved for them now.
            String requested = p.string("default_payment_method");
            String number = TestCard.numberForToken(requested);
            Map<String, Object> method = number != null
                    ? payments.paymentMethod(call, number, Obj.str(subscription, "customer"))
                    : store.find(requested).filter(m -> "payment_method".equals(m.get("object"))).orElseThrow(() ->
                    StripeError.notFound("default_payment_method", "PaymentMethod", requested));
            previous.put("default_payment_method", subscription.get("default_payment_method"));
            subscription.put("default_payment_method", method.get("id"));
        }
        if (p.has("metadata")) {
            previous.put("metadata", subscription.get("metadata"));
            subscription.put("metadata", p.metadata(Obj.map(subscription, "metadata")));
        }
        String proration = p.oneOf("proration_behavior", "create_prorations", "create_prorations", "none", "always_invoice");
        List<Params> itemChanges = p.list("items");
        if (!itemChanges.isEmpty()) {
            previous.put("items", SandboxApiController.render(subscription.get("items")));
            changeItems(call, subscription, itemChanges, proration);
        }
        store.update(subscription);
        events.emit(call, "customer.subscription.updated", subscription, previous);
        return subscription;
    }

    /**
     * Changes item quantities or prices. The difference for the rest of the period is prorated by the
     * seconds left (half-up to a minor unit): billed now ({@code always_invoice}), added to the next
     * renewal ({@code create_prorations}, Stripe's default) or ignored ({@code none}).
     */
    @SuppressWarnings("unchecked")
    private void changeItems(Call call, Map<String, Object> subscription, List<Params> changes, String proration) {
        List<Object> prorations = new ArrayList<>(Obj.list(subscription, "_pending_prorations"));
        List<Object> made = prorate(subscription, changes, proration, call.now(), "items");
        long end = currentPeriodEnd(subscription);
        if ("always_invoice".equals(proration) && !made.isEmpty()) {
            prorations.addAll(made);
            long total = prorations.stream().mapToLong(l -> Obj.longOf((Map<String, Object>) l, "amount")).sum();
            Map<String, Object> invoice = invoice(call, subscription, prorations, Math.max(0, total), "subscription_update",
                    call.now(), end);
            subscription.put("latest_invoice", invoice.get("id"));
            subscription.remove("_pending_prorations");
            if (total <= 0) {
                markPaid(call, invoice, null);
            } else {
                charge(call, subscription, invoice, total);
            }
        } else {
            prorations.addAll(made);
            subscription.put("_pending_prorations", prorations);
        }
    }

    /**
     * Applies item changes to {@code subscription} (in memory) and returns the proration lines they cause
     * at {@code at} — none with {@code proration = none}. Errors name the parameter under {@code param}.
     */
    @SuppressWarnings("unchecked")
    private List<Object> prorate(Map<String, Object> subscription, List<Params> changes, String proration, long at,
                                 String param) {
        List<Object> items = Obj.list(Obj.map(subscription, "items"), "data");
        List<Object> prorations = new ArrayList<>();
        long start = Obj.longOf((Map<String, Object>) items.getFirst(), "current_period_start");
        long end = currentPeriodEnd(subscription);
        java.math.BigDecimal left = java.math.BigDecimal.valueOf(Math.max(0, end - at))
                .divide(java.math.BigDecimal.valueOf(Math.max(1, end - start)), 10, java.math.RoundingMode.HALF_UP);
        for (int i = 0; i < changes.size(); i++) {
            Params change = changes.get(i);
            String prefix = param + "[" + i + "]";
            String itemId = change.string("id");
            Map<String, Object> item = items.stream().map(o -> (Map<String, Object>) o)
                    .filter(candidate -> candidate.get("id").equals(itemId)).findFirst()
                    .orElseThrow(() -> StripeError.invalid(prefix + "[id]", "resource_missing",
                            "No such subscription item: '" + itemId + "'"));
            Map<String, Object> oldPrice = Obj.map(item, "price");
            long oldQuantity = Obj.longOf(item, "quantity");
            Map<String, Object> newPrice = oldPrice;
            String priceId = change.string("price");
            if (priceId != null) {
                newPrice = store.get(priceId, "price", prefix + "[price]", "price");
                Map<String, Object> recurring = Obj.map(newPrice, "recurring");
                Map<String, Object> oldRecurring = Obj.map(oldPrice, "recurring");
                if (recurring == null || !recurring.get("interval").equals(oldRecurring.get("interval"))
                        || !recurring.get("interval_count").equals(oldRecurring.get("interval_count"))) {
                    throw StripeError.invalid(prefix + "[price]", "parameter_invalid_string",
                            "The new price must be recurring with the same interval as the subscription.");
                }
                if (!Obj.str(newPrice, "currency").equals(subscription.get("currency"))) {
                    throw StripeError.invalid(prefix + "[price]", "parameter_invalid_string",
                            "The price's currency must match the subscription's currency.");
                }
            }
            Long quantity = change.longValue("quantity");
            long newQuantity = quantity == null ? oldQuantity : quantity;
            if (newQuantity < 1) {
                throw StripeError.invalid(prefix + "[quantity]", "parameter_invalid_integer", "Quantity must be at least 1.");
            }
            long difference = Obj.longOf(newPrice, "unit_amount") * newQuantity - Obj.longOf(oldPrice, "unit_amount") * oldQuantity;
            long prorated = java.math.BigDecimal.valueOf(difference).multiply(left)
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            item.put("price", newPrice);
            item.put("quantity", newQuantity);
            if (prorated != 0 && !"none".equals(proration)) {
                prorations.add(Obj.of("id", SandboxIds.next("il_"), "object", "line_item", "amount", prorated,
                        "currency", subscription.get("currency"), "description", "Proration", "livemode", false,
                        "metadata", Obj.of(), "period", Obj.of("start", at, "end", end),
                        "parent", Obj.of("type", "subscription_item_details", "subscription_item_details",
                                Obj.of("proration", true, "subscription", subscription.get("id"), "subscription_item", itemId)),
                        "quantity", newQuantity));
            }
        }
        return prorations;
    }

    /** Stripe's {@code cancellation_details}: the customer's comment and feedback, and why it ends. */
    private static Map<String, Object> cancellationDetails(Params details, Map<String, Object> subscription, String reason) {
        Map<String, Object> current = Obj.map(subscription, "cancellation_details");
        Object comment = current == null ? null : current.get("comment");
        Object feedback = current == null ? null : current.get("feedback");
        if (details != null) {
            if (details.has("comment")) {
                String text = details.string("comment");
                if (text != null && text.length() > 5000) {
                    throw StripeError.invalid("cancellation_details[comment]", "parameter_invalid_string",
                            "Invalid string: must be at most 5000 characters");
                }
                comment = text == null || text.isEmpty() ? null : text;
            }
            if (details.has("feedback")) {
                feedback = details.oneOf("feedback", null, "customer_service", "low_quality", "missing_features", "other",
                        "switched_service", "too_complex", "too_expensive", "unused", "");
                feedback = "".equals(feedback) ? null : feedback;
            }
        }
        return Obj.of("comment", comment, "feedback", feedback, "reason", reason);
    }

    /** Charges an invoice off-session with the subscription's saved card; false when declined. */
    private boolean charge(Call call, Map<String, Object> subscription, Map<String, Object> invoice, long total) {
        Map<String, Object> method = store.find(Obj.str(subscription, "default_payment_method")).orElse(null);
        Map<String, Object> intent = payments.newIntent(call, total, Obj.str(subscription, "currency"),
                Obj.str(subscription, "customer"), "Subscription update", Obj.of(), null);
        PaymentResources.Attempt attempt = payments.attempt(call, intent, method, true, null);
        if (attempt.error() == null) {
            markPaid(call, invoice, Obj.str(intent, "id"));
            return true;
        }
        invoice.put("attempted", true);
        invoice.put("attempt_count", 1L);
        invoice.put("_payment_intent", intent.get("id"));
        store.update(invoice);
        events.emit(call, "invoice.payment_failed", invoice, null);
        return false;
    }

    /**
     * From the billing portal: the customer's new card becomes the subscription's default payment method.
     * Returns the subscription's open latest invoice when it is past due (to be paid with the new card), else null.
     */
    Map<String, Object> useCard(Call call, String id, String customer, String cardNumber) {
        Map<String, Object> subscription = store.getForUpdate(id, "subscription", "id", "subscription");
        if (!customer.equals(subscription.get("customer")) || "canceled".equals(subscription.get("status"))) {
            throw StripeError.notFound("id", "subscription", id);
        }
        Map<String, Object> method = payments.paymentMethod(call, cardNumber, customer);
        events.emit(call, "payment_method.attached", method, null);
        Object previous = subscription.get("default_payment_method");
        subscription.put("default_payment_method", method.get("id"));
        store.update(subscription);
        events.emit(call, "customer.subscription.updated", subscription, Obj.of("default_payment_method", previous));
        if (!"past_due".equals(subscription.get("status")) || subscription.get("latest_invoice") == null) {
            return null;
        }
        return store.findForUpdate(Obj.str(subscription, "latest_invoice"))
                .filter(invoice -> "open".equals(invoice.get("status"))).orElse(null);
    }

    /** From the billing portal: the customer cancels at the end of the period. */
    Map<String, Object> cancelAtPeriodEnd(Call call, String id, String customer) {
        Map<String, Object> subscription = store.getForUpdate(id, "subscription", "id", "subscription");
        if (!customer.equals(subscription.get("customer")) || "canceled".equals(subscription.get("status"))) {
            throw StripeError.notFound("id", "subscription", id);
        }
        subscription.put("cancel_at_period_end", true);
        subscription.put("cancel_at", currentPeriodEnd(subscription));
        subscription.put("cancellation_details", cancellationDetails(null, subscription, "cancellation_requested"));
        store.update(subscription);
        events.emit(call, "customer.subscription.updated", subscription, Obj.of("cancel_at_period_end", false));
        return subscription;
    }

    private Map<String, Object> resume(Call call, Map<String, Object> subscription) {
        subscription.put("pause_collection", null);
        store.update(subscription);
        events.emit(call, "customer.subscription.updated", subscription, Obj.of("pause_collection", Obj.of()));
        return subscription;
    }

    private Map<String, Object> cancelNow(Call call, Map<String, Object> subscription) {
        if ("canceled".equals(subscription.get("status"))) {
            throw StripeError.invalid(null, "resource_missing", "No such subscription: '" + subscription.get("id") + "' is already canceled.");
        }
        call.params().bool("invoice_now");
        call.params().bool("prorate");
        subscription.put("cancellation_details", cancellationDetails(call.params().child("cancellation_details"),
                subscription, "cancellation_requested"));
        cancel(call, subscription, call.now());
        return subscription;
    }

    private void cancel(Call call, Map<String, Object> subscription, long at) {
        subscription.put("status", "canceled");
        subscription.put("canceled_at", at);
        subscription.put("ended_at", at);
        store.update(subscription);
        events.emit(call, "customer.subscription.deleted", subscription, null);
    }
}
