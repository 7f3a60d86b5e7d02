package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment links (up to 20 line items of existing prices) and billing portal sessions. Opening a link's
 * URL starts a fresh Checkout Session for it, as Stripe does.
 */
@Component
class PaymentLinkResources extends SandboxRoutes {

    private final SandboxStore store;
    private final SandboxEvents events;
    private final CheckoutResources checkout;

    PaymentLinkResources(SandboxStore store, SandboxEvents events, CheckoutResources checkout) {
        this.store = store;
        this.events = events;
        this.checkout = checkout;

        post("/v1/payment_links", this::create);
        get("/v1/payment_links/{id}/line_items", call -> Obj.map(store.get(call.var("id"), "payment_link", "id", "payment_link"), "_line_items"));
        get("/v1/payment_links/{id}", call -> store.get(call.var("id"), "payment_link", "id", "payment_link"));
        post("/v1/payment_links/{id}", this::update);
        get("/v1/payment_links", call -> {
            Boolean active = call.params().bool("active");
            return store.list("payment_link", l -> active == null || active.equals(l.get("active")), call.limit(),
                    call.startingAfter()).toList(call.path());
        });

        post("/v1/billing_portal/sessions", this::portalSession);
    }

    private Map<String, Object> create(Call call) {
        Params p = call.params();
        List<Params> items = p.list("line_items");
        if (items.isEmpty()) {
            throw StripeError.missing("line_items");
        }
        if (items.size() > 20) {
            throw StripeError.invalid("line_items", "parameter_invalid_array", "A payment link can have at most 20 line items.");
        }
        List<Object> lines = new ArrayList<>();
        String currency = null;
        boolean recurring = false;
        for (int i = 0; i < items.size(); i++) {
            Params item = items.get(i);
            String prefix = "line_items[" + i + "]";
            String priceId = item.string("price");
            if (priceId == null) {
                throw StripeError.missing(prefix + "[price]");
            }
            Map<String, Object> price = store.get(priceId, "price", prefix + "[price]", "price");
            Long quantity = item.longValue("quantity");
            if (quantity == null || quantity < 1) {
                throw StripeError.invalid(prefix + "[quantity]", "parameter_missing", "Quantity is required and must be at least 1.");
            }
            if (currency != null && !currency.equals(price.get("currency"))) {
                throw StripeError.invalid(prefix + "[price]", "parameter_invalid_string", "All prices must have the same currency.");
            }
            currency = Obj.str(price, "currency");
            recurring |= price.get("recurring") != null;
            Params adjustable = item.child("adjustable_quantity");
            lines.add(Obj.of("id", SandboxIds.next("li_"), "object", "item", "amount_subtotal",
                    Obj.longOf(price, "unit_amount") * quantity, "amount_total", Obj.longOf(price, "unit_amount") * quantity,
                    "currency", currency, "description", store.find(Obj.str(price, "product")).map(x -> x.get("name")).orElse(null),
                    "price", price, "quantity", quantity,
                    "adjustable_quantity", adjustable == null ? null : Obj.of("enabled", Boolean.TRUE.equals(adjustable.bool("enabled")),
                            "minimum", adjustable.longValue("minimum"), "maximum", adjustable.longValue("maximum"))));
        }
        Params after = p.child("after_completion");
        Map<String, Object> afterCompletion = Obj.of("type", "hosted_confirmation", "hosted_confirmation", Obj.of("custom_message", null));
        if (after != null) {
            String type = after.oneOf("type", "hosted_confirmation", "hosted_confirmation", "redirect");
            if ("redirect".equals(type)) {
                Params redirect = after.child("redirect");
                String url = redirect == null ? null : redirect.string("url");
                if (url == null || !url.matches("https?://\\S+")) {
                    throw StripeError.invalid("after_completion[redirect][url]", "url_invalid", "Not a valid URL");
                }
                afterCompletion = Obj.of("type", "redirect", "redirect", Obj.of("url", url));
            } else {
                after.child("hosted_confirmation");
            }
        }
        String id = SandboxIds.next("plink_");
        Map<String, Object> link = Obj.of("id", id, "object", "payment_link", "active", true,
                "after_completion", afterCompletion, "allow_promotion_codes", Boolean.TRUE.equals(p.bool("allow_promotion_codes")),
                "automatic_tax", Obj.of("enabled", false, "liability", null), "billing_address_collection", "auto",
                "currency", currency, "livemode", false, "metadata", p.metadata(null),
                "payment_method_types", null, "submit_type", "auto",
                "url", call.origin() + "/sandbox/pay/" + id,
                "_mode", recurring ? "subscription" : "payment", "_created", call.now(),
                "_line_items", Obj.of("object", "list", "data", lines, "has_more", false,
                        "url", "/v1/payment_links/" + id + "/line_items"));
        store.insert(Obj.of("id", id, "object", "payment_link", "created", call.now()));
        store.update(link);
        return link;
    }

    private Map<String, Object> update(Call call) {
        Map<String, Object> link = store.getForUpdate(call.var("id"), "payment_link", "id", "payment_link");
        Params p = call.params();
        if (p.has("active")) {
            link.put("active", p.bool("active"));
        }
        if (p.has("allow_promotion_codes")) {
            link.put("allow_promotion_codes", p.bool("allow_promotion_codes"));
        }
        if (p.has("metadata")) {
            link.put("metadata", p.metadata(Obj.map(link, "metadata")));
        }
        store.update(link);
        return link;
    }

    /** A buyer opened the link: a new Checkout Session for its items (null when the link is switched off). */
    @SuppressWarnings("unchecked")
    Map<String, Object> startCheckout(Call call, String linkId) {
        Map<String, Object> link = store.find(linkId).filter(l -> "payment_link".equals(l.get("object")))
                .orElseThrow(() -> StripeError.notFound("id", "payment_link", linkId));
        if (!Boolean.TRUE.equals(link.get("active"))) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (Object lineObject : Obj.list(Obj.map(link, "_line_items"), "data")) {
            Map<String, Object> line = (Map<String, Object>) lineObject;
            items.add(new LinkedHashMap<>(Map.of("price", Obj.str(Obj.map(line, "price"), "id"),
                    "quantity", String.valueOf(Obj.longOf(line, "quantity")))));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", link.get("_mode"));
        params.put("line_items", items);
        Map<String, Object> after = Obj.map(link, "after_completion");
        if ("redirect".equals(after.get("type"))) {
            params.put("success_url", Obj.str(Obj.map(after, "redirect"), "url"));
        }
        if (Boolean.TRUE.equals(link.get("allow_promotion_codes"))) {
            params.put("allow_promotion_codes", "true");
        }
        Call create = new Call("POST", "/v1/checkout/sessions", Map.of(), new Params(params), call.requestId(), null,
                call.now(), call.origin());
        Map<String, Object> session = checkout.createSession(create);
        session.put("payment_link", linkId);
        session.put("metadata", link.get("metadata"));
        store.update(session);
        return session;
    }

    private Map<String, Object> portalSession(Call call) {
        Params p = call.params();
        String customer = p.required("customer");
        store.get(customer, "customer", "customer", "customer");
        String returnUrl = p.string("return_url");
        if (returnUrl != null && !returnUrl.matches("https?://\\S+")) {
            throw StripeError.invalid("return_url", "url_invalid", "Not a valid URL");
        }
        String locale = p.string("locale");
        p.string("configuration");
        Params flowData = p.child("flow_data");
        Map<String, Object> flow = null;
        if (flowData != null) {
            String type = flowData.oneOf("type", null, "payment_method_update", "subscription_cancel",
                    "subscription_update", "subscription_update_confirm");
            if (type == null) {
                throw StripeError.missing("flow_data[type]");
            }
            flowData.child("after_completion");
            // The sandbox's portal is one page: every flow opens it, with the card form at hand.
            flow = Obj.of("type", type, "after_completion", Obj.of("type", "portal_homepage", "hosted_confirmation", null,
                            "redirect", null), "subscription_cancel", null, "subscription_update", null,
                    "subscription_update_confirm", null);
        }
        String id = SandboxIds.next("bps_");
        Map<String, Object> session = Obj.base(id, "billing_portal.session", call.now());
        session.put("configuration", "bpc_sandbox");
        session.put("customer", customer);
        session.put("flow", flow);
        session.put("locale", locale);
        session.put("on_behalf_of", null);
        session.put("return_url", returnUrl);
        session.put("url", call.origin() + "/sandbox/portal/" + id);
        store.insert(session);
        return session;
    }
}
