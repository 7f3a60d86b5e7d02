package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Standalone invoices: invoice items, draft invoices, finalizing (with a due date for
 * {@code send_invoice}), sending, paying (on the hosted invoice page, by test card, or out of band),
 * voiding, and {@code invoice.overdue} once an open invoice's due date passes on the sandbox clock.
 * Sandbox simplifications: no taxes, discounts or partial payments on invoices.
 */
@Component
class InvoiceResources extends SandboxRoutes {

    private static final long DAY = 86_400L;

    private final SandboxStore store;
    private final SandboxEvents events;
    private final PaymentResources payments;

    InvoiceResources(SandboxStore store, SandboxEvents events, PaymentResources payments) {
        this.store = store;
        this.events = events;
        this.payments = payments;
        post("/v1/invoiceitems", this::createItem);
        get("/v1/invoiceitems/{id}", call -> store.get(call.var("id"), "invoiceitem", "id", "invoice item"));
        post("/v1/invoices", this::create);
        get("/v1/invoices/{id}/lines", call -> Obj.map(invoice(call.var("id"), false), "lines"));
        post("/v1/invoices/{id}/finalize", call -> {
            call.params().bool("auto_advance");
            return finalizeInvoice(call, invoice(call.var("id"), true));
        });
        post("/v1/invoices/{id}/send", call -> send(call, invoice(call.var("id"), true)));
        post("/v1/invoices/{id}/pay", this::payCall);
        post("/v1/invoices/{id}/void", call -> voidInvoice(call, invoice(call.var("id"), true)));
    }

    private Map<String, Object> invoice(String id, boolean forUpdate) {
        return forUpdate ? store.getForUpdate(id, "invoice", "id", "invoice") : store.get(id, "invoice", "id", "invoice");
    }

    private Map<String, Object> createItem(Call call) {
        Params p = call.params();
        String customer = p.required("customer");
        store.get(customer, "customer", "customer", "customer");
        long quantity = p.longValue("quantity") == null ? 1L : p.longValue("quantity");
        String priceId = p.string("price");
        Map<String, Object> price = priceId == null ? null : store.get(priceId, "price", "price", "price");
        String currency;
        long unitAmount;
        if (price != null) {
            currency = Obj.str(price, "currency");
            unitAmount = Obj.longOf(price, "unit_amount");
        } else {
            currency = SandboxCurrencies.require(p, "currency");
            unitAmount = p.requiredLong("amount");
            quantity = 1L;
        }
        String invoiceId = p.string("invoice");
        Map<String, Object> item = Obj.base(SandboxIds.next("ii_"), "invoiceitem", call.now());
        item.put("amount", unitAmount * quantity);
        item.put("currency", currency);
        item.put("customer", customer);
        item.put("description", p.string("description"));
        item.put("invoice", invoiceId);
        item.put("metadata", p.metadata(null));
        item.put("period", Obj.of("start", call.now(), "end", call.now()));
        item.put("pricing", price == null ? null : Obj.of("type", "price_details", "price_details",
                Obj.of("price", price.get("id"), "product", price.get("product")),
                "unit_amount_decimal", String.valueOf(unitAmount)));
        item.put("quantity", quantity);
        store.insert(item);
        if (invoiceId != null) {
            Map<String, Object> invoice = invoice(invoiceId, true);
            requireDraft(invoice);
            addLine(invoice, item);
            store.update(invoice);
        }
        return item;
    }

    private Map<String, Object> create(Call call) {
        Params p = call.params();
        String customerId = p.required("customer");
        Map<String, Object> customer = store.get(customerId, "customer", "customer", "customer");
        String method = p.oneOf("collection_method", "charge_automatically", "charge_automatically", "send_invoice");
        Long daysUntilDue = p.longValue("days_until_due");
        Long dueDate = p.longValue("due_date");
        if ("send_invoice".equals(method) && daysUntilDue == null && dueDate == null) {
            throw StripeError.invalid("days_until_due", "parameter_missing",
                    "Missing required param: days_until_due or due_date (with collection_method=send_invoice).");
        }
        if ("charge_automatically".equals(method) && (daysUntilDue != null || dueDate != null)) {
            throw StripeError.invalid(daysUntilDue != null ? "days_until_due" : "due_date", "parameter_invalid_empty",
                    "Due dates apply only to invoices with collection_method=send_invoice.");
        }
        String pending = p.oneOf("pending_invoice_items_behavior", "exclude", "exclude", "include");
        p.bool("auto_advance");
        String id = SandboxIds.next("in_");
        Map<String, Object> invoice = Obj.base(id, "invoice", call.now());
        invoice.put("amount_due", 0L);
        invoice.put("amount_paid", 0L);
        invoice.put("amount_remaining", 0L);
        invoice.put("attempt_count", 0L);
        invoice.put("attempted", false);
        invoice.put("billing_reason", "manual");
        invoice.put("collection_method", method);
        invoice.put("currency", p.string("currency") != null ? SandboxCurrencies.require(p, "currency")
                : customer.get("currency") == null ? "usd" : customer.get("currency"));
        invoice.put("customer", customerId);
        invoice.put("customer_email", customer.get("email"));
        invoice.put("customer_name", customer.get("name"));
        invoice.put("description", p.string("description"));
        invoice.put("due_date", dueDate != null ? dueDate : daysUntilDue == null ? null : call.now() + daysUntilDue * DAY);
        invoice.put("hosted_invoice_url", null);
        invoice.put("lines", Obj.of("object", "list", "data", new ArrayList<>(), "has_more", false,
                "url", "/v1/invoices/" + id + "/lines"));
        invoice.put("metadata", p.metadata(null));
        invoice.put("number", null);
        invoice.put("parent", null);
        invoice.put("period_start", call.now());
        invoice.put("period_end", call.now());
        invoice.put("status", "draft");
        invoice.put("status_transitions", Obj.of("finalized_at", null, "paid_at", null, "voided_at", null,
                "marked_uncollectible_at", null));
        invoice.put("subtotal", 0L);
        invoice.put("total", 0L);
        if ("include".equals(pending)) {
            // Lists come newest first; the invoice shows its items in the order they were added.
            for (Map<String, Object> item : store.list("invoiceitem", i -> customerId.equals(i.get("customer"))
                    && i.get("invoice") == null, 250, null).data().reversed()) {
                Map<String, Object> locked = store.getForUpdate(Obj.str(item, "id"), "invoiceitem", "id", "invoice item");
                locked.put("invoice", id);
                store.update(locked);
                invoice.put("currency", locked.get("currency"));
                addLine(invoice, locked);
            }
        }
        store.insert(invoice);
        events.emit(call, "invoice.created", invoice, null);
        return invoice;
    }

    private static void addLine(Map<String, Object> invoice, Map<String, Object> item) {
        if (!Obj.str(invoice, "currency").equals(item.get("currency")) && !Obj.list(Obj.map(invoice, "lines"), "data").isEmpty()) {
            throw StripeError.invalid("currency", "invoice_currency_mismatch",
                    "An invoice's items must all be in " + Obj.str(invoice, "currency").toUpperCase(Locale.ROOT) + ".");
        }
        invoice.put("currency", item.get("currency"));
        Obj.list(Obj.map(invoice, "lines"), "data").add(Obj.of("id", SandboxIds.next("il_"), "object", "line_item",
                "amount", item.get("amount"), "currency", item.get("currency"), "description", item.get("description"),
                "invoice", invoice.get("id"), "livemode", false, "metadata", item.get("metadata"),
                "period", item.get("period"), "pricing", item.get("pricing"), "quantity", item.get("quantity")));
        long total = Obj.longOf(invoice, "total") + Obj.longOf(item, "amount");
        invoice.put("subtotal", total);
        invoice.put("total", total);
        invoice.put("amount_due", total);
        invoice.put("amount_remaining", total);
    }

    private static void requireDraft(Map<String, Object> invoice) {
        if (!"draft".equals(invoice.get("status"))) {
            throw StripeError.invalid("invoice", "invoice_not_editable",
                    "This invoice is " + invoice.get("status") + " and can no longer be changed.");
        }
    }

    private Map<String, Object> finalizeInvoice(Call call, Map<String, Object> invoice) {
        requireDraft(invoice);
        invoice.put("status", "open");
        invoice.put("number", "SBX-" + SandboxIds.random(6).toUpperCase(Locale.ROOT));
        invoice.put("hosted_invoice_url", call.origin() + "/sandbox/invoice/" + invoice.get("id"));
        Obj.map(invoice, "status_transitions").put("finalized_at", call.now());
        store.update(invoice);
        events.emit(call, "invoice.finalized", invoice, Obj.of("status", "draft"));
        if (Obj.longOf(invoice, "amount_due") == 0) {
            markPaid(call, invoice, null);
        }
        return invoice;
    }

    private Map<String, Object> send(Call call, Map<String, Object> invoice) {
        if (!"send_invoice".equals(invoice.get("collection_method")) || !"open".equals(invoice.get("status"))) {
            throw StripeError.invalid(null, "invoice_not_open",
                    "Only open invoices with collection_method=send_invoice can be sent.");
        }
        events.emit(call, "invoice.sent", invoice, null);
        return invoice;
    }

    private Map<String, Object> payCall(Call call) {
        Params p = call.params();
        Map<String, Object> invoice = invoice(call.var("id"), true);
        requireOpen(invoice);
        if (Boolean.TRUE.equals(p.bool("paid_out_of_band"))) {
            invoice.put("paid_out_of_band", true);
            markPaid(call, invoice, null);
            return invoice;
        }
        String token = p.string("payment_method");
        String number = token == null ? null : TestCard.numberForToken(token);
        if (number == null && token != null) {
            // A payment method saved for the invoice's customer (e.g. through a setup-mode Checkout Session).
            number = store.find(token).filter(m -> "payment_method".equals(m.get("object"))
                            && java.util.Objects.equals(m.get("customer"), invoice.get("customer")))
                    .map(m -> TestCard.of(m).anyNumber()).orElse(null);
        }
        if (number == null) {
            throw StripeError.invalid("payment_method", "parameter_missing",
                    "Pass paid_out_of_band=true or a test payment method such as pm_card_visa.");
        }
        PaymentResources.Attempt attempt = attempt(call, invoice, number);
        if (attempt.error() != null) {
            throw attempt.error();
        }
        return invoice;
    }

    private static void requireOpen(Map<String, Object> invoice) {
        if (!"open".equals(invoice.get("status"))) {
            throw StripeError.invalid(null, "invoice_not_open", "This invoice is " + invoice.get("status")
                    + "; only open invoices can be paid.");
        }
    }

    /** Pays an open invoice with a card; on success it is paid, otherwise it stays open (and says so). */
    PaymentResources.Attempt attempt(Call call, Map<String, Object> invoice, String cardNumber) {
        requireOpen(invoice);
        TestCard.require(cardNumber);
        Map<String, Object> intent = payments.newIntent(call, Obj.longOf(invoice, "amount_due"),
                Obj.str(invoice, "currency"), Obj.str(invoice, "customer"), "Invoice " + invoice.get("number"),
                Obj.of("invoice", invoice.get("id")), null);
        invoice.put("_payment_intent", intent.get("id"));
        invoice.put("attempted", true);
        invoice.put("attempt_count", Obj.longOf(invoice, "attempt_count") + 1);
        store.update(invoice);
        PaymentResources.Attempt attempt = payments.attempt(call, intent,
                payments.paymentMethod(call, cardNumber, Obj.str(intent, "customer")), false,
                invoice.get("hosted_invoice_url") == null ? null : Obj.str(invoice, "hosted_invoice_url"));
        if ("succeeded".equals(attempt.intent().get("status"))) {
            markPaid(call, invoice, Obj.str(intent, "id"));
        } else if (attempt.error() != null) {
            events.emit(call, "invoice.payment_failed", invoice, null);
        }
        return attempt;
    }

    /** After 3-D Secure on the hosted invoice page: the invoice whose payment this was is paid. */
    void authenticated(Call call, String intentId) {
        store.list("invoice", i -> intentId.equals(i.get("_payment_intent")) && "open".equals(i.get("status")), 1, null)
                .data().stream().findFirst().ifPresent(found -> markPaid(call,
                        invoice(Obj.str(found, "id"), true), intentId));
    }

    private void markPaid(Call call, Map<String, Object> invoice, String paymentIntent) {
        invoice.put("amount_paid", invoice.get("amount_due"));
        invoice.put("amount_remaining", 0L);
        invoice.put("status", "paid");
        Obj.map(invoice, "status_transitions").put("paid_at", call.now());
        invoice.put("_payment_intent", paymentIntent);
        store.update(invoice);
        events.emit(call, "invoice.paid", invoice, Obj.of("status", "open"));
        // Paying the open invoice of a past-due subscription makes it active again, as at Stripe.
        Object subscriptionId = invoice.get("_subscription");
        if (subscriptionId != null) {
            store.findForUpdate((String) subscriptionId).filter(sub -> "past_due".equals(sub.get("status"))).ifPresent(sub -> {
                sub.put("status", "active");
                store.update(sub);
                events.emit(call, "customer.subscription.updated", sub, Obj.of("status", "past_due"));
            });
        }
    }

    private Map<String, Object> voidInvoice(Call call, Map<String, Object> invoice) {
        requireOpen(invoice);
        invoice.put("status", "void");
        invoice.put("amount_remaining", 0L);
        Obj.map(invoice, "status_transitions").put("voided_at", call.now());
        store.update(invoice);
        events.emit(call, "invoice.voided", invoice, Obj.of("status", "open"));
        return invoice;
    }

    /** Open invoices whose due date has passed on the sandbox clock send {@code invoice.overdue}, once each. */
    void flagOverdue(Call call) {
        List<Map<String, Object>> due = store.list("invoice", i -> "open".equals(i.get("status"))
                && i.get("due_date") != null && Obj.longOf(i, "due_date") < call.now()
                && i.get("_overdue_at") == null, 250, null).data();
        for (Map<String, Object> found : due) {
            Map<String, Object> invoice = invoice(Obj.str(found, "id"), true);
            if ("open".equals(invoice.get("status")) && invoice.get("_overdue_at") == null) {
                invoice.put("_overdue_at", call.now());
                store.update(invoice);
                events.emit(call, "invoice.overdue", invoice, null);
            }
        }
    }
}
