package com.commercehub.base.backup;

/** A backup or restore that was not done because it would lose or mix data; the message says what to do. */
class BackupRefusedException extends RuntimeException {

    BackupRefusedException(String message) {
        super(message);
    }
}
