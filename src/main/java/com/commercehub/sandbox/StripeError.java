package com.commercehub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answered in Stripe's shape: {@code {"error":{"type","code","message","param","decline_code"}}}. */
class StripeError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;
    final String declineCode;
    /** Objects the failed request still created (a failed payment intent): committed, not rolled back. */
    final Map<String, Object> extra = new LinkedHashMap<>();

    StripeError(int status, String type, String code, String message, String param, String declineCode) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.declineCode = declineCode;
    }

    static StripeError invalid(String param, String code, String message) {
        return new StripeError(400, "invalid_request_error", code, message, param, null);
    }

    static StripeError missing(String param) {
        return invalid(param, "parameter_missing", "Missing required param: " + param + ".");
    }

    static StripeError notFound(String param, String kind, String id) {
        return new StripeError(404, "invalid_request_error", "resource_missing",
                "No such " + kind + ": '" + id + "'", param, null);
    }

    static StripeError card(String code, String declineCode, String message) {
        return new StripeError(402, "card_error", code, message, null, declineCode);
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        if (param != null) {
            error.put("param", param);
        }
        if (code != null) {
            // As Stripe: an error without a code (a bad API key) has no doc_url either.
            error.put("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-'));
        }
        error.putAll(extra);
        return Map.of("error", error);
    }
}
