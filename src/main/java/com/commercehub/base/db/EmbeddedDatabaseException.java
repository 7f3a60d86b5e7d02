package com.commercehub.base.db;

/** The embedded MariaDB could not be started; reported as one clear line at start-up. */
class EmbeddedDatabaseException extends RuntimeException {

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
