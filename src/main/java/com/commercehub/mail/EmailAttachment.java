package com.commercehub.mail;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file sent with a message, e.g. the PDF of a signed quote. The bytes are copied in and out, so the
 * attachment cannot change after it was made.
 *
 * @param fileName    the name the recipient sees (no folders)
 * @param contentType a MIME type such as {@code application/pdf}
 * @param content     the file
 */
public record EmailAttachment(String fileName, String contentType, byte[] content) {

    static final int MAX_FILE_NAME = 255;
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");

    public EmailAttachment {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null ? "" : fileName.strip();
        if (fileName.isEmpty() || fileName.length() > MAX_FILE_NAME
                || fileName.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
            throw new IllegalArgumentException("An attachment needs a plain file name of at most 255 characters");
        }
        if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()
                || contentType.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("Not a content type: " + contentType);
        }
        content = content.clone();
    }

    /** A PDF file. */
    public static EmailAttachment pdf(String fileName, byte[] content) {
        return new EmailAttachment(fileName, "application/pdf", content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAttachment that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "EmailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
