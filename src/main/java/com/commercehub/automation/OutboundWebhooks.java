package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook outbox: an event becomes one delivery row per endpoint, in the caller's transaction; the
 * {@link OutboundWebhookSender} posts it afterwards. The event id is unique per endpoint, so repeating it adds nothing.
 */
@Component
class OutboundWebhooks {

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    OutboundWebhooks(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues the event for {@code endpointId}, or for every active endpoint when it is null; returns how many.
     * {@code occurredAt} is the event's time (business time); delivery bookkeeping runs on the plain clock.
     */
    int enqueue(Long endpointId, String eventId, String type, Map<String, Object> record, Instant occurredAt) {
        Instant now = clock.instant();
        List<Long> endpoints = endpointId == null
                ? jdbc.sql("SELECT id FROM webhook_endpoint WHERE active ORDER BY id").query(Long.class).list()
                : jdbc.sql("SELECT id FROM webhook_endpoint WHERE id = :id AND active").param("id", endpointId)
                        .query(Long.class).list();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("type", type);
        payload.put("created", occurredAt.toString());
        payload.put("data", Map.of("record", record));
        String body = json.writeValueAsString(payload);
        int queued = 0;
        for (long endpoint : endpoints) {
            queued += jdbc.sql("""
                            INSERT IGNORE INTO webhook_delivery (endpoint, event_id, event_type, payload, status, created_at,
                                round_started_at, next_attempt_at)
                            VALUES (:endpoint, :event, :type, :payload, 'PENDING', :now, :now, :now)""")
                    .param("endpoint", endpoint).param("event", eventId).param("type", type).param("payload", body)
                    .param("now", Timestamp.from(now)).update();
        }
        return queued;
    }
}
