package com.commercehub.automation;

import java.util.Map;

/** The workflow or endpoint as submitted is not acceptable: field → message key; nothing was changed. */
public class WorkflowValidationException extends RuntimeException {

    private final Map<String, String> problems;

    public WorkflowValidationException(Map<String, String> problems) {
        super("Not acceptable: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
