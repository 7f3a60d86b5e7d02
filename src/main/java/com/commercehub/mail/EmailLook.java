package com.commercehub.mail;

/**
 * Port: how e-mails look — the sender's name, an absolute logo address ({@code null}: none) and the colours of
 * the heading rule and the action button. A feature that owns branding provides it; without one, e-mails keep
 * their plain default look.
 */
public interface EmailLook {

    /** The look, as the template variable {@code look}. */
    Look look();

    record Look(String name, String logoUrl, String brandColor, String buttonColor, String buttonText) {
    }
}
