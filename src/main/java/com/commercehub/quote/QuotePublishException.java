package com.commercehub.quote;

import java.util.List;

/** Publishing was refused; {@link #problems()} says everything that must be fixed first. Nothing changed. */
public class QuotePublishException extends RuntimeException {

    private final List<PaymentStepRules.Finding> problems;

    QuotePublishException(List<PaymentStepRules.Finding> problems) {
        super(problems.stream().map(PaymentStepRules.Finding::messageKey).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<PaymentStepRules.Finding> problems() {
        return problems;
    }
}
