package com.commercehub.mail;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingEmailTest {

    private static final RenderedEmail CONTENT = new RenderedEmail("Subject", "<p>Hi</p>", "Hi");

    @Test
    void a_message_takes_one_plain_address_a_kind_and_optional_attachments_and_key() {
        OutgoingEmail email = OutgoingEmail.to(" ada@example.com ", Locale.GERMAN, CONTENT, "quote.viewed")
                .withAttachment(EmailAttachment.pdf("Q-1001.pdf", new byte[]{1, 2, 3}))
                .withDedupeKey("quote-viewed:7:v1");
        assertThat(email.recipient()).isEqualTo("ada@example.com");
        assertThat(email.attachments()).extracting(EmailAttachment::fileName).containsExactly("Q-1001.pdf");
        assertThat(email.dedupeKey()).isEqualTo("quote-viewed:7:v1");
    }

    @Test
    void lists_names_and_broken_addresses_are_refused() {
        for (String bad : new String[]{"", "ada", "ada@example.com, eve@example.com", "Ada <ada@example.com>",
                "ada@example.com\r\nBcc: eve@example.com"}) {
            assertThatThrownBy(() -> OutgoingEmail.to(bad, Locale.ENGLISH, CONTENT, "quote.viewed"))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void kinds_keys_and_attachments_are_checked() {
        assertThatThrownBy(() -> OutgoingEmail.to("a@example.com", Locale.ENGLISH, CONTENT, "Quote Viewed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingEmail.to("a@example.com", Locale.ENGLISH, CONTENT, "quote.viewed")
                .withDedupeKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAttachment.pdf("../etc/passwd", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAttachment("a.pdf", "application/pdf\r\nX: y", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingEmail.to("a@example.com", Locale.ENGLISH, CONTENT, "quote.viewed")
                .withAttachment(EmailAttachment.pdf("big.pdf", new byte[OutgoingEmail.MAX_ATTACHMENT_BYTES + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_attachment_cannot_be_changed_after_it_was_made() {
        byte[] bytes = {1, 2, 3};
        EmailAttachment attachment = EmailAttachment.pdf("a.pdf", bytes);
        bytes[0] = 9;
        attachment.content()[1] = 9;
        assertThat(attachment.content()).containsExactly(1, 2, 3);
    }
}
