package com.commercehub.mail;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The texts of the generic template ({@link EmailTemplates#SIMPLE}): a heading, paragraphs and an optional
 * button, each shown as text (never as markup). The caller translates them into the recipient's language.
 *
 * @param subject     the subject line
 * @param heading     the first line of the message
 * @param paragraphs  the body; line breaks inside a paragraph are kept
 * @param actionLabel the button's text, or null for no button
 * @param actionUrl   where the button leads (http or https), or null
 * @param footer      a closing line such as the seller's name and address, or null for the standard one
 * @param portalUrl   the buyer's way into their portal ("Manage your subscriptions and invoices"), or null
 */
public record SimpleEmail(String subject, String heading, List<String> paragraphs, String actionLabel,
                          URI actionUrl, String footer, URI portalUrl) {

    public SimpleEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(heading, "heading");
        paragraphs = List.copyOf(paragraphs == null ? List.of() : paragraphs);
        if ((actionLabel == null) != (actionUrl == null)) {
            throw new IllegalArgumentException("A button needs both a label and an address");
        }
        if (actionUrl != null && !("https".equalsIgnoreCase(actionUrl.getScheme())
                || "http".equalsIgnoreCase(actionUrl.getScheme()))) {
            throw new IllegalArgumentException("A button leads to an http(s) address, not " + actionUrl.getScheme());
        }
        if (portalUrl != null && !("https".equalsIgnoreCase(portalUrl.getScheme())
                || "http".equalsIgnoreCase(portalUrl.getScheme()))) {
            throw new IllegalArgumentException("The portal is an http(s) address, not " + portalUrl.getScheme());
        }
    }

    /** Heading and paragraphs, no button. */
    public static SimpleEmail of(String subject, String heading, String... paragraphs) {
        return new SimpleEmail(subject, heading, List.of(paragraphs), null, null, null, null);
    }

    /** The same texts with a button. */
    public SimpleEmail withAction(String label, URI url) {
        return new SimpleEmail(subject, heading, paragraphs, label, url, footer, portalUrl);
    }

    /** The same texts with a closing line of the caller's. */
    public SimpleEmail withFooter(String closingLine) {
        return new SimpleEmail(subject, heading, paragraphs, actionLabel, actionUrl, closingLine, portalUrl);
    }

    /** The same texts with a link into the buyer's portal under them; {@code address} may be null (no link). */
    public SimpleEmail withPortalLink(URI address) {
        return new SimpleEmail(subject, heading, paragraphs, actionLabel, actionUrl, footer, address);
    }
}
