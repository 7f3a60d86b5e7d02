package com.commercehub.product;

import java.util.List;

/** Input was refused; nothing was stored. */
public class ProductValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ProductValidationException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
