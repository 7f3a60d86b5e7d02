package com.commercehub.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message for {@link EmailOutbox#enqueue}. Start with {@link #to} and add attachments or a dedupe key:
 * <pre>{@code
 * OutgoingEmail.to(owner.email(), owner.locale(), templates.render("quote-viewed", locale, model), "quote.viewed")
 *         .withDedupeKey("quote-viewed:" + quoteId + ":v" + version)
 * }</pre>
 *
 * @param recipient one address, e.g. {@code ada@example.com}
 * @param locale    the recipient's language (the content is already rendered in it; kept for the admin page)
 * @param subject   one line; line breaks become spaces
 * @param html      the HTML body, rendered from a template that escaped every value
 * @param text      the plain-text body
 * @param attachments files sent with it; together at most {@value #MAX_ATTACHMENT_BYTES} bytes
 * @param kind      what the message is about, lower case with dots, e.g. {@code quote.viewed}
 * @param dedupeKey optional: enqueuing a second message with the same key stores nothing (callers' idempotency)
 * @throws IllegalArgumentException when the address, subject, kind or key is not acceptable
 */
public record OutgoingEmail(String recipient, Locale locale, String subject, String html, String text,
                            List<EmailAttachment> attachments, String kind, String dedupeKey) {

    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    static final int MAX_SUBJECT = 1000;
    static final int MAX_RECIPIENT = 320;
    static final int MAX_DEDUPE_KEY = 255;
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public OutgoingEmail {
        recipient = checkedAddress(recipient);
        Objects.requireNonNull(locale, "locale");
        subject = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A subject of 1 to 1000 characters is needed");
        }
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        long bytes = attachments.stream().mapToLong(EmailAttachment::size).sum();
        if (bytes > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("Attachments of " + bytes + " bytes exceed " + MAX_ATTACHMENT_BYTES);
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind (lower case, dots, up to 100 characters): " + kind);
        }
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > MAX_DEDUPE_KEY)) {
            throw new IllegalArgumentException("A dedupe key is null or 1 to 255 characters");
        }
    }

    /** A message with rendered content, no attachments and no dedupe key. */
    public static OutgoingEmail to(String recipient, Locale locale, RenderedEmail content, String kind) {
        return new OutgoingEmail(recipient, locale, content.subject(), content.html(), content.text(), List.of(),
                kind, null);
    }

    /** The same message with one more attachment. */
    public OutgoingEmail withAttachment(EmailAttachment attachment) {
        List<EmailAttachment> more = new ArrayList<>(attachments);
        more.add(Objects.requireNonNull(attachment, "attachment"));
        return new OutgoingEmail(recipient, locale, subject, html, text, more, kind, dedupeKey);
    }

    /** The same message, stored at most once per {@code key}. */
    public OutgoingEmail withDedupeKey(String key) {
        return new OutgoingEmail(recipient, locale, subject, html, text, attachments, kind, key);
    }

    private static String checkedAddress(String recipient) {
        String address = recipient == null ? "" : recipient.strip();
        if (address.isEmpty() || address.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("A recipient address is needed");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            // One bare address: a display name or a list here would be someone's typing, not ours.
            if (!parsed.getAddress().equals(address) || parsed.getPersonal() != null) {
                throw new IllegalArgumentException("Not a single e-mail address: " + address);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + address, e);
        }
        return address;
    }
}
