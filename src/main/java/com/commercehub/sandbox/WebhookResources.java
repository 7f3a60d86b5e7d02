package com.commercehub.sandbox;

import com.commercehub.base.web.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Webhook endpoints (the signing secret is returned only on create) and the event list. */
@Component
class WebhookResources extends SandboxRoutes {

    private final SandboxStore store;
    private final JdbcClient jdbc;
    private final String publicHost;

    WebhookResources(SandboxStore store, JdbcClient jdbc,
                     PublicAddress publicAddress) {
        this.store = store;
        this.jdbc = jdbc;
        this.publicHost = publicAddress.url().map(url -> java.net.URI.create(url).getHost()).orElse(null);

        post("/v1/webhook_endpoints", this::createEndpoint);
        get("/v1/webhook_endpoints/{id}", call -> store.get(call.var("id"), "webhook_endpoint", "id", "webhook_endpoint"));
        post("/v1/webhook_endpoints/{id}", this::updateEndpoint);
        delete("/v1/webhook_endpoints/{id}", call -> {
            store.getForUpdate(call.var("id"), "webhook_endpoint", "id", "webhook_endpoint");
            store.delete(call.var("id"));
            jdbc.sql("DELETE FROM sandbox_delivery WHERE endpoint_id = :id AND delivered_at IS NULL")
                    .param("id", call.var("id")).update();
            return Obj.of("id", call.var("id"), "object", "webhook_endpoint", "deleted", true);
        });
        get("/v1/webhook_endpoints", call -> store.list("webhook_endpoint", e -> true, call.limit(),
                call.startingAfter()).toList(call.path()));

        get("/v1/events/{id}", call -> store.get(call.var("id"), "event", "id", "event"));
        get("/v1/events", this::listEvents);
    }

    private Map<String, Object> createEndpoint(Call call) {
        Params p = call.params();
        String url = url(p);
        List<String> enabled = p.strings("enabled_events");
        if (enabled.isEmpty()) {
            throw StripeError.missing("enabled_events");
        }
        Map<String, Object> endpoint = Obj.base(SandboxIds.next("we_"), "webhook_endpoint", call.now());
        endpoint.put("api_version", p.string("api_version"));
        endpoint.put("application", null);
        endpoint.put("description", p.string("description"));
        endpoint.put("enabled_events", enabled);
        endpoint.put("metadata", p.metadata(null));
        endpoint.put("status", "enabled");
        endpoint.put("url", url);
        p.bool("connect");
        String secret = "whsec_" + SandboxIds.random(32);
        endpoint.put("_secret", secret);
        store.insert(endpoint);
        Map<String, Object> response = new java.util.LinkedHashMap<>(endpoint);
        response.put("secret", secret);
        return response;
    }

    /**
     * Unlike Stripe, the sandbox runs inside the business's network, and anyone who can reach it could
     * register an endpoint: so it delivers only to a {@code /stripe/webhook} path on this machine or on
     * the app's public host, never to arbitrary addresses.
     */
    private String url(Params p) {
        String url = p.required("url");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw StripeError.invalid("url", "url_invalid", "Invalid URL: " + url);
        }
        if (!url.matches("https?://[^\\s]+") || uri.getHost() == null) {
            throw StripeError.invalid("url", "url_invalid", "Invalid URL: " + url);
        }
        String host = uri.getHost();
        boolean local = List.of("127.0.0.1", "localhost", "[::1]", "::1").contains(host) || host.equals(publicHost);
        if (!local || uri.getPath() == null || !uri.getPath().endsWith("/stripe/webhook")) {
            throw StripeError.invalid("url", "url_invalid", "The sandbox delivers events only to /stripe/webhook on "
                    + "this server (localhost or the app's public URL).");
        }
        return url;
    }

    private Map<String, Object> updateEndpoint(Call call) {
        Map<String, Object> endpoint = store.getForUpdate(call.var("id"), "webhook_endpoint", "id", "webhook_endpoint");
        Params p = call.params();
        if (p.has("url")) {
            endpoint.put("url", url(p));
        }
        if (p.has("enabled_events")) {
            endpoint.put("enabled_events", p.strings("enabled_events"));
        }
        if (p.has("disabled")) {
            endpoint.put("status", Boolean.TRUE.equals(p.bool("disabled")) ? "disabled" : "enabled");
        }
        if (p.has("description")) {
            endpoint.put("description", p.string("description"));
        }
        if (p.has("metadata")) {
            endpoint.put("metadata", p.metadata(Obj.map(endpoint, "metadata")));
        }
        store.update(endpoint);
        return endpoint;
    }

    private Map<String, Object> listEvents(Call call) {
        Params p = call.params();
        String type = p.string("type");
        Set<String> types = Set.copyOf(p.strings("types"));
        Params created = p.child("created");
        Long gte = created == null ? null : created.longValue("gte");
        Long gt = created == null ? null : created.longValue("gt");
        Long lte = created == null ? null : created.longValue("lte");
        Long lt = created == null ? null : created.longValue("lt");
        Boolean deliverySuccess = p.bool("delivery_success");
        return store.list("event", e -> {
            String eventType = Obj.str(e, "type");
            long at = Obj.longOf(e, "created");
            return (type == null || matches(type, eventType))
                    && (types.isEmpty() || types.contains(eventType))
                    && (gte == null || at >= gte) && (gt == null || at > gt)
                    && (lte == null || at <= lte) && (lt == null || at < lt)
                    && (deliverySuccess == null || deliverySuccess == delivered(Obj.str(e, "id")));
        }, call.limit(), call.startingAfter(), lowerBound(gte, gt)).toList(call.path());
    }

    /** The earliest creation time asked for, or null; boxed on purpose (no bound is a null, not a zero). */
    private static Long lowerBound(Long gte, Long gt) {
        if (gt == null) {
            return gte;
        }
        return gte == null ? Long.valueOf(gt + 1) : Long.valueOf(Math.max(gte, gt + 1));
    }

    private static boolean matches(String pattern, String type) {
        return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    /** True when every endpoint the event was sent to has acknowledged it. */
    private boolean delivered(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_delivery WHERE event_id = :id AND delivered_at IS NULL")
                .param("id", eventId).query(Long.class).single() == 0;
    }
}
