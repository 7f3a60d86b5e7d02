package com.commercehub.crm;

import java.util.Map;

/** Input was refused; {@link #problems()} maps field names to translation keys. Nothing was stored. */
public class CrmValidationException extends RuntimeException {

    private final Map<String, String> problems;

    public CrmValidationException(Map<String, String> problems) {
        super(problems.toString());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
