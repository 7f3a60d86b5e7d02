package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Invoice payments ({@code /v1/invoice_payments}): since the 2025 API versions an invoice no longer
 * names its payment intent; Stripe links the two through these objects. The sandbox keeps the link on the
 * invoice and renders it on demand, one default payment per invoice.
 */
@Component
class InvoicePaymentResources extends SandboxRoutes {

    private static final String PREFIX = "inpay_";

    private final SandboxStore store;

    InvoicePaymentResources(SandboxStore store) {
        this.store = store;
        get("/v1/invoice_payments", call -> {
            String invoiceId = call.params().string("invoice");
            List<Object> data = invoiceId == null ? List.of() : store.find(invoiceId)
                    .filter(invoice -> "invoice".equals(invoice.get("object")))
                    .<List<Object>>map(invoice -> List.of(render(invoice))).orElse(List.of());
            return Obj.of("object", "list", "data", data, "has_more", false, "url", "/v1/invoice_payments");
        });
        get("/v1/invoice_payments/{id}", call -> {
            String id = call.var("id");
            Map<String, Object> invoice = id.startsWith(PREFIX) ? store.find("in_" + id.substring(PREFIX.length()))
                    .filter(found -> "invoice".equals(found.get("object"))).orElse(null) : null;
            if (invoice == null) {
                throw StripeError.notFound("id", "invoice_payment", id);
            }
            return render(invoice);
        });
    }

    private static Map<String, Object> render(Map<String, Object> invoice) {
        String invoiceId = Obj.str(invoice, "id");
        boolean paid = "paid".equals(invoice.get("status"));
        Object intent = invoice.get("_payment_intent");
        Map<String, Object> transitions = Obj.map(invoice, "status_transitions");
        return Obj.of("id", PREFIX + invoiceId.substring("in_".length()), "object", "invoice_payment",
                "amount_paid", paid ? invoice.get("amount_paid") : null, "amount_requested", invoice.get("amount_due"),
                "created", invoice.get("created"), "currency", invoice.get("currency"), "invoice", invoiceId,
                "is_default", true, "livemode", false,
                "payment", intent == null ? Obj.of("type", "payment_intent", "payment_intent", null)
                        : Obj.of("type", "payment_intent", "payment_intent", intent),
                "status", paid ? "paid" : "open",
                "status_transitions", Obj.of("canceled_at", null,
                        "paid_at", transitions == null ? null : transitions.get("paid_at")));
    }
}
