package com.commercehub.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The sandbox's objects, kept as Stripe-shaped JSON. Keys starting with "_" are internal and never rendered. */
@Component
class SandboxStore {

    private final JdbcClient jdbc;

    SandboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Map<String, Object> object) {
        jdbc.sql("INSERT INTO sandbox_object (id, object_type, created, body) VALUES (:id, :type, :created, :body)")
                .param("id", object.get("id"))
                .param("type", object.get("object"))
                .param("created", object.get("created"))
                .param("body", SandboxJson.write(object))
                .update();
    }

    void update(Map<String, Object> object) {
        int rows = jdbc.sql("UPDATE sandbox_object SET body = :body WHERE id = :id")
                .param("id", object.get("id"))
                .param("body", SandboxJson.write(object))
                .update();
        if (rows != 1) {
            throw new IllegalStateException("sandbox object vanished: " + object.get("id"));
        }
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM sandbox_object WHERE id = :id").param("id", id).update();
    }

    Optional<Map<String, Object>> find(String id) {
        return jdbc.sql("SELECT body FROM sandbox_object WHERE id = :id").param("id", id)
                .query(String.class).optional().map(SandboxJson::read);
    }

    /** Reads and locks the object for the rest of the transaction. */
    Optional<Map<String, Object>> findForUpdate(String id) {
        return jdbc.sql("SELECT body FROM sandbox_object WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(SandboxJson::read);
    }

    Map<String, Object> get(String id, String type, String param, String kind) {
        return find(id).filter(o -> type.equals(o.get("object")))
                .orElseThrow(() -> StripeError.notFound(param, kind, id));
    }

    Map<String, Object> getForUpdate(String id, String type, String param, String kind) {
        return findForUpdate(id).filter(o -> type.equals(o.get("object")))
                .orElseThrow(() -> StripeError.notFound(param, kind, id));
    }

    /** Newest first, like Stripe's lists; {@code startingAfter} is the id of the last object of the previous page. */
    Page list(String type, Predicate<Map<String, Object>> filter, int limit, String startingAfter) {
        Long afterSeq = null;
        if (startingAfter != null && !startingAfter.isEmpty()) {
            afterSeq = jdbc.sql("SELECT seq FROM sandbox_object WHERE id = :id AND object_type = :type")
                    .param("id", startingAfter).param("type", type).query(Long.class).optional()
                    .orElseThrow(() -> StripeError.notFound("starting_after", type, startingAfter));
        }
        List<String> bodies = jdbc.sql("SELECT body FROM sandbox_object WHERE object_type = :type"
                        + (afterSeq == null ? "" : " AND seq < :after") + " ORDER BY seq DESC")
                .param("type", type).param("after", afterSeq).query(String.class).list();
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more = false;
        for (String body : bodies) {
            Map<String, Object> object = SandboxJson.read(body);
            if (!filter.test(object)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(object);
        }
        return new Page(page, more);
    }

    record Page(List<Map<String, Object>> data, boolean hasMore) {

        Map<String, Object> toList(String url) {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("object", "list");
            list.put("data", data);
            list.put("has_more", hasMore);
            list.put("url", url);
            return list;
        }
    }
}
