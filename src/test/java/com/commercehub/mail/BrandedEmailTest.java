package com.commercehub.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.net.URI;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mails take the look a branding provides (logo, brand rule, button colour); without one, the plain default. */
class BrandedEmailTest {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static final SimpleEmail EMAIL = SimpleEmail.of("Signed copy", "Your signed quote", "Thank you.")
            .withAction("Open", URI.create("https://hub.example/quote/abc"));

    @Test
    void the_brand_logo_and_colours_are_in_the_html() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("look", (EmailLook) () -> new EmailLook.Look("Nordlicht <Studio>",
                "https://hub.example/buyer/brand/image/abc.png", "#0b3d2e", "#7a1fa2", "#ffffff"));
        EmailTemplates templates = new EmailTemplates(messages(), beans.getBeanProvider(EmailLook.class));

        String html = templates.simple(Locale.GERMAN, EMAIL).html();

        assertThat(html).contains("src=\"https://hub.example/buyer/brand/image/abc.png\"")
                .contains("alt=\"Nordlicht &lt;Studio&gt;\"").contains("border-top:4px solid #0b3d2e")
                .contains("background:#7a1fa2").doesNotContain("#1d4ed8");
    }

    @Test
    void without_a_look_the_default_button_colour_stays() {
        String html = new EmailTemplates(messages()).simple(Locale.ENGLISH, EMAIL).html();
        assertThat(html).contains("background:#1d4ed8").doesNotContain("brand-logo");
    }
}
