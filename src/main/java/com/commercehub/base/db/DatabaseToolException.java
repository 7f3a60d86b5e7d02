package com.commercehub.base.db;

/** A dump or load could not run or failed; the message says why (it never holds a password). */
public class DatabaseToolException extends RuntimeException {

    public DatabaseToolException(String message) {
        super(message);
    }
}
