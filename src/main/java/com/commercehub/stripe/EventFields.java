package com.commercehub.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Optional;

/**
 * The envelope fields the store needs, read from a verified payload without binding the whole event to
 * stripe-java's model (that binding was most of the endpoint's CPU time; handlers bind it when they need it).
 */
record EventFields(String id, String type, long created, String apiVersion, String account) {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_VERSION_LENGTH = 64;

    /** Empty unless the payload is a Stripe event object with an id, a type and a created time that fit the store. */
    static Optional<EventFields> parse(String payload) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(payload);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException malformed) {
            return Optional.empty();
        }
        String object = string(root, "object");
        String id = string(root, "id");
        String type = string(root, "type");
        String version = string(root, "api_version");
        JsonElement created = root.get("created");
        if (!"event".equals(object) || !fits(id, MAX_ID_LENGTH) || !fits(type, MAX_ID_LENGTH)
                || version != null && version.length() > MAX_VERSION_LENGTH
                || created == null || !created.isJsonPrimitive() || !created.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        String account = string(root, "account");
        return Optional.of(new EventFields(id, type, created.getAsLong(), version,
                fits(account, MAX_ID_LENGTH) ? account : null));
    }

    private static String string(JsonObject root, String name) {
        JsonElement value = root.get(name);
        return value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() ? null : value.getAsString();
    }

    private static boolean fits(String value, int length) {
        return value != null && !value.isBlank() && value.length() <= length;
    }
}
