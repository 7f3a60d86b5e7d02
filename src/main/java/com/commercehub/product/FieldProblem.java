package com.commercehub.product;

import java.util.List;

/**
 * One thing wrong with user input: the field it belongs to, a translation key and its arguments.
 * The same problems serve the form (shown next to the field) and the CSV import (listed per line).
 */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
