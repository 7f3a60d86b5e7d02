package com.commercehub.base.i18n;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible text, from the {@code i18n/messages} bundles, for the six languages the product
 * speaks. UI, e-mails and PDFs all translate through here.
 */
@Component
public class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.of("da"),
            Locale.of("sv"), Locale.of("pl"), Locale.ITALIAN);

    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    // English is the base bundle: never fall back to the JVM's default locale.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The supported locale closest to the requested one; English when none matches. */
    public static Locale supported(Locale requested) {
        if (requested == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    /** A language by its own name, capitalised as in a language menu: "Deutsch", "Polski", "Dansk". */
    public static String languageName(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** Translations in one locale, for code that formats texts for someone other than the current user. */
    public Translator in(Locale locale) {
        return (key, params) -> get(key, locale, params);
    }

    public String get(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, effective, CONTROL).getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation key {} for {}", key, effective);
            return "!" + key;
        }
        // Only patterns with placeholders go through MessageFormat, so plain texts keep their apostrophes.
        if (params == null || params.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        return new MessageFormat(pattern, effective).format(params);
    }
}
