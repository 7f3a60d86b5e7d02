package com.commercehub.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Every state change becomes a Stripe-shaped event, stored in the same transaction as the change and
 * queued for each enabled webhook endpoint that listens to its type.
 */
@Component
class SandboxEvents {

    private final SandboxStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxEvents(SandboxStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, Object> emit(String type, Map<String, Object> object, Map<String, Object> previousAttributes,
                             String requestId, String idempotencyKey, long now) {
        Map<String, Object> data = Obj.of("object", SandboxApiController.render(object));
        if (previousAttributes != null) {
            data.put("previous_attributes", previousAttributes);
        }
        Map<String, Object> event = Obj.base(SandboxIds.next("evt_"), "event", now);
        event.put("api_version", SandboxApiVersion.CURRENT);
        event.put("data", data);
        event.put("request", Obj.of("id", requestId, "idempotency_key", idempotencyKey));
        event.put("type", type);
        List<Map<String, Object>> endpoints = store.list("webhook_endpoint", endpoint -> listensTo(endpoint, type),
                100, null).data();
        event.put("pending_webhooks", (long) endpoints.size());
        store.insert(event);
        LocalDateTime due = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Map<String, Object> endpoint : endpoints) {
            jdbc.sql("INSERT INTO sandbox_delivery (event_id, endpoint_id, next_attempt_at) VALUES (:event, :endpoint, :due)")
                    .param("event", event.get("id")).param("endpoint", endpoint.get("id")).param("due", due).update();
        }
        return event;
    }

    Map<String, Object> emit(Call call, String type, Map<String, Object> object, Map<String, Object> previous) {
        return emit(type, object, previous, call.requestId(), call.idempotencyKey(), call.now());
    }

    static boolean listensTo(Map<String, Object> endpoint, String type) {
        if (!"enabled".equals(endpoint.get("status"))) {
            return false;
        }
        List<Object> enabled = Obj.list(endpoint, "enabled_events");
        return enabled.contains("*") || enabled.contains(type);
    }
}
