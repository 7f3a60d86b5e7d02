package com.commercehub.mail;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTemplatesTest {

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private final EmailTemplates templates = new EmailTemplates(messageSource());

    private static ResourceBundleMessageSource messageSource() {
        // As Boot configures it from spring.messages.*.
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void the_simple_template_renders_subject_html_and_text_with_a_button() {
        RenderedEmail email = templates.simple(Locale.ENGLISH, SimpleEmail
                .of("Your quote Q-1001 was viewed", "Ada Buyer opened your quote", "First paragraph.",
                        "Second line one\nSecond line two")
                .withAction("Open the quote", URI.create("https://hub.example/quotes/7")));

        assertThat(email.subject()).isEqualTo("Your quote Q-1001 was viewed");
        assertThat(email.html()).contains("<html lang=\"en\"", "<h1", ">Ada Buyer opened your quote</h1>",
                ">First paragraph.</p>", "href=\"https://hub.example/quotes/7\"", ">Open the quote</a>",
                "This message was sent automatically.");
        assertThat(email.text()).isEqualTo("""
                Ada Buyer opened your quote

                First paragraph.

                Second line one
                Second line two

                Open the quote: https://hub.example/quotes/7

                --\s
                This message was sent automatically.
                """);
    }

    @Test
    void bundled_texts_follow_the_recipients_language_and_unsupported_ones_fall_back_to_english() {
        RenderedEmail german = templates.simple(Locale.GERMANY, SimpleEmail.of("Betreff", "Hallo"));
        assertThat(german.html()).contains("lang=\"de\"", "Diese Nachricht wurde automatisch versendet.");
        assertThat(german.text()).contains("Diese Nachricht wurde automatisch versendet.");
        assertThat(german.html()).doesNotContain("<p style=\"margin:24px").doesNotContain("<a ");

        RenderedEmail japanese = templates.simple(Locale.JAPANESE, SimpleEmail.of("Subject", "Hello"));
        assertThat(japanese.html()).contains("lang=\"en\"", "This message was sent automatically.");
    }

    @Test
    void values_from_the_model_appear_escaped_in_the_html_never_as_markup() {
        RenderedEmail email = templates.simple(Locale.ENGLISH, SimpleEmail.of("Quote " + XSS, XSS, XSS)
                .withAction(XSS, URI.create("https://hub.example/q?a=1&b=%3Cscript%3E"))
                .withFooter(XSS));

        assertThat(email.html()).doesNotContain("<script", "<img", "onerror=alert(1)>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("href=\"https://hub.example/q?a=1&amp;b=%3Cscript%3E\"");
        // Plain text is plain: shown as typed, and no mail client renders it as markup.
        assertThat(email.text()).contains(XSS);
        assertThat(email.subject()).isEqualTo("Quote " + XSS);
    }

    @Test
    void a_subject_is_one_line() {
        RenderedEmail email = templates.simple(Locale.ENGLISH, SimpleEmail.of("Line one\r\nBcc: someone@evil.example",
                "Hello"));
        assertThat(email.subject()).isEqualTo("Line one Bcc: someone@evil.example");
    }

    @Test
    void a_template_name_is_a_plain_name() {
        assertThatThrownBy(() -> templates.render("../application", Locale.ENGLISH, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("simple.subject", Locale.ENGLISH, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_button_leads_only_to_a_web_address() {
        assertThatThrownBy(() -> SimpleEmail.of("s", "h").withAction("Click", URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_mail_template_outputs_unescaped_values_into_html() throws IOException {
        Path folder = Path.of("src/main/resources/templates/mail");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> html = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(html).isNotEmpty();
            for (Path file : html) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(source).as(file.toString()).doesNotContain("th:utext", "[(");
            }
        }
    }
}
