package com.commercehub.automation;

import java.util.Locale;
import java.util.Map;

/** The workflow or endpoint as submitted is not acceptable: field → message key; nothing was changed. */
public class WorkflowValidationException extends RuntimeException {

    private final Map<String, String> problems;

    public WorkflowValidationException(Map<String, String> problems) {
        super("Not acceptable: " + problems);
        this.problems = Map.copyOf(problems);
    }

    /** The field of one e-mail step's translation: {@code action.<index>.<language>.<subject|body>}. */
    public static String translationField(int actionIndex, Locale language, String part) {
        return "action." + actionIndex + "." + language.getLanguage() + "." + part;
    }

    public Map<String, String> problems() {
        return problems;
    }
}
