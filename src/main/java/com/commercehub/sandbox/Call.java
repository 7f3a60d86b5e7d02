package com.commercehub.sandbox;

import java.util.Map;

/** One API request as a handler sees it. */
record Call(String method, String path, Map<String, String> vars, Params params, String requestId,
            String idempotencyKey, long now, String origin) {

    String var(String name) {
        return vars.get(name);
    }

    int limit() {
        Long limit = params.longValue("limit");
        if (limit == null) {
            return 10;
        }
        if (limit < 1 || limit > 100) {
            throw StripeError.invalid("limit", "parameter_invalid_integer", "Invalid limit: must be between 1 and 100");
        }
        return limit.intValue();
    }

    String startingAfter() {
        params.string("ending_before");
        return params.string("starting_after");
    }
}
