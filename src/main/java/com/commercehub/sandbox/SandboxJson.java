package com.commercehub.sandbox;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** JSON for stored objects and responses: integers stay longs and decimals BigDecimals, never doubles. */
final class SandboxJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private SandboxJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> read(String json) {
        return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }
}
