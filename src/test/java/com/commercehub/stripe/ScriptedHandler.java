package com.commercehub.stripe;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handles {@code test.*} (not {@code test.nobody_handles}): writes a row in the event's transaction, then
 * {@code test.flaky} fails on its first two tries, {@code test.broken} fails while {@link #broken} is set,
 * {@code test.slow} takes a moment (to widen races).
 */
class ScriptedHandler implements StripeEventHandler {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    volatile boolean broken = true;
    private final JdbcClient jdbc;

    ScriptedHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_handler_effect (event_id VARCHAR(255) NOT NULL, attempt INT NOT NULL) "
                + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4").update();
    }

    int calls(String id) {
        AtomicInteger count = calls.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("test.") && !type.equals("test.nobody_handles");
    }

    @Override
    public void handle(StripeEventEnvelope event) {
        calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        jdbc.sql("INSERT INTO test_handler_effect (event_id, attempt) VALUES (:id, :attempt)")
                .param("id", event.id()).param("attempt", event.attempt()).update();
        switch (event.type()) {
            case "test.flaky" -> {
                if (event.attempt() <= 2) {
                    throw new IllegalStateException("flaky on try " + event.attempt());
                }
            }
            case "test.broken" -> {
                if (broken) {
                    throw new IllegalStateException("broken on purpose");
                }
            }
            case "test.slow" -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {
            }
        }
    }
}
