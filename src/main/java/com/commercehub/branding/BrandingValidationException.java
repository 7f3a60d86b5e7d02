package com.commercehub.branding;

import java.util.Map;

/** Settings refused before anything was stored: field name → message key (with its arguments, if any). */
public class BrandingValidationException extends RuntimeException {

    /** A refusal: the bundle key and what it names ({@code {0}}, …). */
    public record Problem(String key, Object... arguments) {
    }

    private final Map<String, Problem> problems;

    public BrandingValidationException(Map<String, Problem> problems) {
        super(problems.keySet().toString());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, Problem> problems() {
        return problems;
    }
}
