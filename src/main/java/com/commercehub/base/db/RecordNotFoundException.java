package com.commercehub.base.db;

/**
 * A record asked for by id does not exist (never did, or was deleted). Not a concurrency conflict:
 * views show their "not found" page, actions say the record is gone.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
