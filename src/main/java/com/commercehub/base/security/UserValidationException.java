package com.commercehub.base.security;

/**
 * A user change was refused. {@link #messageKey()} is a translation key the UI shows next to
 * {@link #field()} (or as a notification when the field is null).
 */
public class UserValidationException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public UserValidationException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
