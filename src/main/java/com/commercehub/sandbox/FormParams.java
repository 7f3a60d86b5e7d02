package com.commercehub.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes Stripe's form encoding: {@code a[b][0][c]=v} becomes nested maps and lists, {@code a[]=v}
 * appends to a list, and a map whose keys are all indexes becomes a list in index order. An empty
 * value ({@code metadata[k]=}) is kept as "" — Stripe uses it to unset.
 */
final class FormParams {

    private FormParams() {
    }

    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, path(name), value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) normalize(root);
        return result;
    }

    static List<String> path(String name) {
        List<String> parts = new ArrayList<>();
        int bracket = name.indexOf('[');
        if (bracket < 0) {
            parts.add(name);
            return parts;
        }
        parts.add(name.substring(0, bracket));
        int i = bracket;
        while (i < name.length() && name.charAt(i) == '[') {
            int close = name.indexOf(']', i);
            if (close < 0) {
                throw StripeError.invalid(name, "parameter_invalid_string", "Invalid parameter name: " + name);
            }
            parts.add(name.substring(i + 1, close));
            i = close + 1;
        }
        if (i != name.length()) {
            throw StripeError.invalid(name, "parameter_invalid_string", "Invalid parameter name: " + name);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String key = path.get(i);
            String next = path.get(i + 1);
            Object child = node.get(key);
            if (next.isEmpty()) {
                // a[]=v — append; "a[][b]" is not something stripe-java sends.
                List<Object> list = child instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
                node.put(key, list);
                if (i + 2 != path.size()) {
                    throw StripeError.invalid(String.join(".", path), "parameter_invalid_string", "Invalid array parameter");
                }
                list.add(value);
                return;
            }
            if (!(child instanceof Map<?, ?>)) {
                child = new TreeMap<String, Object>(FormParams::compareKeys);
                node.put(key, child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path.getLast(), value);
    }

    private static int compareKeys(String a, String b) {
        boolean an = isIndex(a);
        boolean bn = isIndex(b);
        if (an && bn) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 7 && key.chars().allMatch(Character::isDigit);
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean allIndexes = !map.isEmpty() && map.keySet().stream().allMatch(k -> isIndex((String) k));
            if (allIndexes && map instanceof TreeMap<?, ?>) {
                List<Object> list = new ArrayList<>();
                map.values().forEach(v -> list.add(normalize(v)));
                return list;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put((String) k, normalize(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return value;
    }
}
