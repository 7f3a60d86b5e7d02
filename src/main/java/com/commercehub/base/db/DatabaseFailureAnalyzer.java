package com.commercehub.base.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database that cannot be reached into Spring Boot's short "what / what to do" report. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check DB_URL, DB_USER and DB_PASSWORD, or unset DB_URL to use the embedded MariaDB.", cause);
    }
}
