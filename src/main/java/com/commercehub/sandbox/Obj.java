package com.commercehub.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for building and reading Stripe-shaped JSON maps (which may hold nulls). */
final class Obj {

    private Obj() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> base(String id, String type, long created) {
        return of("id", id, "object", type, "created", created, "livemode", false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    static long longOf(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String str(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value == null ? null : value.toString();
    }

    static Map<String, Object> emptyList(String url) {
        return of("object", "list", "data", new ArrayList<>(), "has_more", false, "total_count", 0, "url", url);
    }
}
