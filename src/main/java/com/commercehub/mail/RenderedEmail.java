package com.commercehub.mail;

import java.util.Objects;

/**
 * A message as its recipient will read it: a one-line subject, the HTML body and the plain-text body
 * (for clients that show no HTML). Made by {@link EmailTemplates}.
 */
public record RenderedEmail(String subject, String html, String text) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
