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
        return list(type, filter, limit, startingAfter, null);
    }

    /**
     * As {@link #list(String, Predicate, int, String)}, with objects created before {@code createdGte} (epoch
     * seconds) left out by the query itself. Rows are read in chunks until the page is full, so a long history
     * is not parsed for one page.
     */
    Page list(String type, Predicate<Map<String, Object>> filter, int limit, String startingAfter, Long createdGte) {
        Long afterSeq = null;
        if (startingAfter != null && !startingAfter.isEmpty()) {
            afterSeq = jdbc.sql("SELECT seq FROM sandbox_object WHERE id = :id AND object_type = :type")
                    .param("id", startingAfter).param("type", type).query(Long.class).optional()
                    .orElseThrow(() -> StripeError.notFound("starting_after", type, startingAfter));
        }
        List<Map<String, Object>> page = new ArrayList<>();
        while (true) {
            List<Row> rows = jdbc.sql("SELECT seq, body FROM sandbox_object WHERE object_type = :type"
                            + (afterSeq == null ? "" : " AND seq < :after")
                            + (createdGte == null ? "" : " AND created >= :gte") + " ORDER BY seq DESC LIMIT :chunk")
                    .param("type", type).param("after", afterSeq).param("gte", createdGte).param("chunk", LIST_CHUNK)
                    .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("body"))).list();
            for (Row row : rows) {
                Map<String, Object> object = SandboxJson.read(row.body());
                if (!filter.test(object)) {
                    continue;
                }
                if (page.size() == limit) {
                    return new Page(page, true);
                }
                page.add(object);
            }
            if (rows.size() < LIST_CHUNK) {
                return new Page(page, false);
            }
            afterSeq = rows.getLast().seq();
        }
    }

    private static final int LIST_CHUNK = 200;

    private record Row(long seq, String body) {
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
