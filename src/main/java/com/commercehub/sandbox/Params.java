package com.commercehub.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to decoded request parameters, with Stripe's error for every malformed one. Top-level
 * names that a handler never reads are reported as {@code parameter_unknown}, as Stripe does.
 */
final class Params {

    private final Map<String, Object> values;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    Params(Map<String, Object> values) {
        this(values, "");
    }

    private Params(Map<String, Object> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    Map<String, Object> raw() {
        return values;
    }

    String name(String key) {
        return prefix.isEmpty() ? key : prefix + "[" + key + "]";
    }

    boolean has(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    String string(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw StripeError.invalid(name(key), "parameter_invalid_string", "Invalid string: " + name(key));
        }
        return s;
    }

    String string(String key, String fallback) {
        String value = string(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    String required(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            throw StripeError.missing(name(key));
        }
        return value;
    }

    String oneOf(String key, String fallback, String... allowed) {
        String value = string(key, fallback);
        if (value == null) {
            return null;
        }
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw StripeError.invalid(name(key), "parameter_invalid_string", "Invalid " + name(key) + ": must be one of "
                + String.join(", ", allowed));
    }

    Long longValue(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(name(key), "parameter_invalid_integer", "Invalid integer: " + value);
        }
    }

    long requiredLong(String key) {
        Long value = longValue(key);
        if (value == null) {
            throw StripeError.missing(name(key));
        }
        return value;
    }

    BigDecimal decimal(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(name(key), "parameter_invalid_decimal", "Invalid decimal: " + value);
        }
    }

    Boolean bool(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw StripeError.invalid(name(key), "parameter_invalid_boolean", "Invalid boolean: " + value);
        };
    }

    @SuppressWarnings("unchecked")
    Params child(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw StripeError.invalid(name(key), "parameter_invalid_object", "Invalid object: " + name(key));
        }
        return new Params((Map<String, Object>) map, name(key));
    }

    @SuppressWarnings("unchecked")
    List<Params> list(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw StripeError.invalid(name(key), "parameter_invalid_array", "Invalid array: " + name(key));
        }
        List<Params> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw StripeError.invalid(name(key) + "[" + i + "]", "parameter_invalid_object", "Invalid object");
            }
            result.add(new Params((Map<String, Object>) map, name(key) + "[" + i + "]"));
        }
        return result;
    }

    List<String> strings(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            throw StripeError.invalid(name(key), "parameter_invalid_array", "Invalid array: " + name(key));
        }
        return items.stream().map(String.class::cast).toList();
    }

    /** Stripe's metadata: string values, "" unsets a key (on update). */
    Map<String, Object> metadata(Map<String, Object> existing) {
        Params metadata = child("metadata");
        Map<String, Object> result = new LinkedHashMap<>(existing == null ? Map.of() : existing);
        if (metadata == null) {
            if ("".equals(values.get("metadata"))) {
                result.clear();
            }
            return result;
        }
        metadata.values.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw StripeError.invalid(name("metadata") + "[" + k + "]", "parameter_invalid_string", "Invalid metadata value");
            }
            if (s.isEmpty()) {
                result.remove(k);
            } else {
                result.put(k, s);
            }
        });
        if (result.size() > 50) {
            throw StripeError.invalid(name("metadata"), "parameter_invalid_object", "Metadata can have at most 50 keys.");
        }
        return result;
    }

    /** Throws Stripe's {@code parameter_unknown} for the first top-level name no handler read. */
    void rejectUnread() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw StripeError.invalid(name(key), "parameter_unknown", "Received unknown parameter: " + name(key));
            }
        }
    }
}
