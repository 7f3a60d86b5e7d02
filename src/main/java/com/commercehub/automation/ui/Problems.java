package com.commercehub.automation.ui;

import com.commercehub.automation.WorkflowValidationException;
import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** Shows a service's refusal next to the fields it names; what names no field goes into a notification. */
final class Problems {

    private Problems() {
    }

    static String show(WorkflowValidationException e, Map<String, ? extends HasValidation> fields,
                       java.util.function.Function<String, String> translate) {
        fields.values().forEach(f -> f.setInvalid(false));
        StringBuilder rest = new StringBuilder();
        e.problems().forEach((field, key) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(translate.apply(key));
                target.setInvalid(true);
            } else {
                rest.append(rest.isEmpty() ? "" : " ").append(translate.apply(key));
            }
        });
        return rest.toString();
    }
}
