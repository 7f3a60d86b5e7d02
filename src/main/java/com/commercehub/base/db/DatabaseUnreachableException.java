package com.commercehub.base.db;

/** The configured external database did not answer; reported as one clear line at start-up. */
class DatabaseUnreachableException extends RuntimeException {

    private final String url;

    DatabaseUnreachableException(String url, String reason) {
        super("Cannot connect to the database at " + url + ": " + reason);
        this.url = url;
    }

    String url() {
        return url;
    }
}
