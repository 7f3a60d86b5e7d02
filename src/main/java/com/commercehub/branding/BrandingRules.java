package com.commercehub.branding;

import com.commercehub.base.i18n.Messages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What makes a set of branding settings acceptable; the problems name the field they belong to. */
public final class BrandingRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{4,30}");

    private BrandingRules() {
    }

    /** The problems of {@code settings}, field → refusal; empty when they may be saved. */
    public static Map<String, BrandingValidationException.Problem> problems(BrandingSettings settings) {
        Map<String, BrandingValidationException.Problem> problems = new LinkedHashMap<>();
        if (!Contrast.isHex(settings.brandColor())) {
            problems.put("brandColor", new BrandingValidationException.Problem("branding.error.hex"));
        }
        if (!Contrast.isHex(settings.buttonColor())) {
            problems.put("buttonColor", new BrandingValidationException.Problem("branding.error.hex"));
        }
        if (settings.displayName() != null && settings.displayName().length() > 100) {
            problems.put("displayName", new BrandingValidationException.Problem("branding.error.too-long", 100));
        }
        if (settings.businessAddress() != null && settings.businessAddress().length() > 500) {
            problems.put("businessAddress", new BrandingValidationException.Problem("branding.error.too-long", 500));
        }
        if (settings.supportEmail() != null && !EMAIL.matcher(settings.supportEmail()).matches()) {
            problems.put("supportEmail", new BrandingValidationException.Problem("branding.error.email"));
        }
        if (settings.supportPhone() != null && !PHONE.matcher(settings.supportPhone()).matches()) {
            problems.put("supportPhone", new BrandingValidationException.Problem("branding.error.phone"));
        }
        if (languageTags().noneMatch(settings.defaultLanguage()::equals)) {
            problems.put("defaultLanguage", new BrandingValidationException.Problem("branding.error.language"));
        }
        settings.texts().forEach((language, texts) -> {
            if (languageTags().noneMatch(language::equals)) {
                problems.put("texts", new BrandingValidationException.Problem("branding.error.language"));
                return;
            }
            textLength(problems, "submit." + language, texts.submit());
            textLength(problems, "afterSubmit." + language, texts.afterSubmit());
            textLength(problems, "terms." + language, texts.terms());
            textLength(problems, "thankYou." + language, texts.thankYou());
        });
        if (settings.redirectUrl() != null && !isHttps(settings.redirectUrl())) {
            problems.put("redirectUrl", new BrandingValidationException.Problem("branding.error.https"));
        }
        return problems;
    }

    public static java.util.stream.Stream<String> languageTags() {
        return Messages.SUPPORTED.stream().map(Locale::getLanguage);
    }

    private static void textLength(Map<String, BrandingValidationException.Problem> problems, String field, String text) {
        if (text != null && text.length() > BrandingSettings.MAX_TEXT) {
            problems.put(field, new BrandingValidationException.Problem("branding.error.text-too-long",
                    BrandingSettings.MAX_TEXT, text.length()));
        }
    }

    static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
