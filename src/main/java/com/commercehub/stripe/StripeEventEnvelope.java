package com.commercehub.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;

import java.time.Instant;

/**
 * One stored Stripe event as a handler receives it: the envelope's fields, the raw JSON exactly as
 * stored, and typed access to it through stripe-java.
 *
 * @param id         Stripe's event id ({@code evt_…}), unique in the store
 * @param type       e.g. {@code checkout.session.completed}
 * @param account    the Stripe account the event belongs to (the connected account when it arrived)
 * @param created    when Stripe created the event (Stripe's clock; the sandbox's clock in sandbox mode)
 * @param apiVersion the API version the payload is rendered in
 * @param payload    the event's JSON as received (webhook) or listed (reconciler)
 * @param attempt    1 on the first try, 2 on the first retry, …
 */
public record StripeEventEnvelope(String id, String type, String account, Instant created, String apiVersion,
                                  String payload, int attempt) {

    /** The payload parsed by stripe-java. */
    public Event event() {
        return ApiResource.GSON.fromJson(payload, Event.class);
    }

    /**
     * {@code data.object} as the stripe-java model {@code type} (e.g. {@code Session.class}), also when the
     * event was rendered in another API version than stripe-java's (then fields it does not know are dropped).
     *
     * @throws IllegalStateException when the object is of another kind or cannot be read at all
     */
    public <T extends StripeObject> T dataObject(Class<T> type) {
        var deserializer = event().getDataObjectDeserializer();
        StripeObject object;
        try {
            object = deserializer.getObject().isPresent() ? deserializer.getObject().get() : deserializer.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new IllegalStateException("data.object of " + id + " cannot be read: " + e.getMessage(), e);
        }
        if (!type.isInstance(object)) {
            throw new IllegalStateException("data.object of " + id + " is a " + object.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** The id of {@code data.object} (the session, charge, invoice … the event is about), or null. */
    public String dataObjectId() {
        JsonObject root = JsonParser.parseString(payload).getAsJsonObject();
        JsonElement data = root.get("data");
        if (data == null || !data.isJsonObject()) {
            return null;
        }
        JsonElement object = data.getAsJsonObject().get("object");
        if (object == null || !object.isJsonObject()) {
            return null;
        }
        JsonElement id = object.getAsJsonObject().get("id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }
}
