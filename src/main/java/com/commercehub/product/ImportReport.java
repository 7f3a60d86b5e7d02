package com.commercehub.product;

import java.util.List;

/**
 * The outcome of checking (and possibly applying) a CSV file. {@code applied} is true only when
 * the file had no problem at all; otherwise nothing was changed.
 */
public record ImportReport(int rows, int toCreate, int toUpdate, List<RowProblem> problems, boolean applied) {

    /** A problem on one line of the file (the header is line 1). */
    public record RowProblem(long line, String column, String messageKey, List<Object> args) {
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
