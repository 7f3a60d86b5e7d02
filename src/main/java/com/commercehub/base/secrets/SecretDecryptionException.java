package com.commercehub.base.secrets;

/** A stored secret could not be decrypted: altered, bound to another purpose, or encrypted under another key. */
public class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
