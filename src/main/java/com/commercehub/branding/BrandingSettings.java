package com.commercehub.branding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One set of checkout branding: what buyer pages, PDFs, e-mails and every Checkout Session show. Images are
 * referred to by the SHA-256 of their stored PNG ({@code null}: none). {@code texts} holds the checkout texts
 * per language tag ({@code en}, {@code de}, …); a language without its own falls back to {@code defaultLanguage}.
 */
public record BrandingSettings(String displayName, String logo, String icon, String brandColor, String buttonColor,
                               BrandFont font, Corners corners, String businessAddress, String supportEmail,
                               String supportPhone, Map<String, CheckoutTexts> texts, BillingAddress billingAddress,
                               boolean collectPhone, boolean allowPromotionCodes, String defaultLanguage,
                               String redirectUrl) {

    public static final int MAX_TEXT = 1200;

    /** Stripe's {@code border_style}. */
    public enum Corners {
        PILL("999px"), ROUNDED("8px"), RECTANGULAR("0");

        private final String radius;

        Corners(String radius) {
            this.radius = radius;
        }

        public String radius() {
            return radius;
        }

        public String stripeValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Stripe's {@code billing_address_collection}. */
    public enum BillingAddress {
        AUTO, REQUIRED
    }

    /**
     * Texts in one language: above the pay button ({@code submit}), after payment on Checkout
     * ({@code afterSubmit}), the terms-of-service acceptance text, and the thank-you message of the buyer's page
     * after payment (when no redirect is set).
     */
    public record CheckoutTexts(String submit, String afterSubmit, String terms, String thankYou) {

        public static final CheckoutTexts NONE = new CheckoutTexts(null, null, null, null);

        public CheckoutTexts {
            submit = blankToNull(submit);
            afterSubmit = blankToNull(afterSubmit);
            terms = blankToNull(terms);
            thankYou = blankToNull(thankYou);
        }

        CheckoutTexts orElse(CheckoutTexts fallback) {
            return new CheckoutTexts(submit != null ? submit : fallback.submit,
                    afterSubmit != null ? afterSubmit : fallback.afterSubmit,
                    terms != null ? terms : fallback.terms, thankYou != null ? thankYou : fallback.thankYou);
        }
    }

    /** What a fresh install shows: the buyer sheet's own blue, the system font, rounded corners, nothing collected. */
    public static final BrandingSettings DEFAULTS = new BrandingSettings(null, null, null, "#1f5fbf", "#1f5fbf",
            BrandFont.DEFAULT, Corners.ROUNDED, null, null, null, Map.of(), BillingAddress.AUTO, false, false, "en", null);

    public BrandingSettings {
        displayName = blankToNull(displayName);
        brandColor = Contrast.normalized(brandColor);
        buttonColor = Contrast.normalized(buttonColor);
        font = font == null ? BrandFont.DEFAULT : font;
        corners = corners == null ? Corners.ROUNDED : corners;
        businessAddress = blankToNull(businessAddress);
        supportEmail = blankToNull(supportEmail);
        supportPhone = blankToNull(supportPhone);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        billingAddress = billingAddress == null ? BillingAddress.AUTO : billingAddress;
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? "en" : defaultLanguage.strip();
        redirectUrl = blankToNull(redirectUrl);
    }

    /** The texts for {@code language} (a tag such as {@code de}), each missing one from the default language. */
    public CheckoutTexts textsIn(String language) {
        CheckoutTexts fallback = texts.getOrDefault(defaultLanguage, CheckoutTexts.NONE);
        String tag = language == null ? defaultLanguage : Locale.forLanguageTag(language).getLanguage();
        return texts.getOrDefault(tag, CheckoutTexts.NONE).orElse(fallback);
    }

    /** The buyer's language: the page's own when it has one, else the default buyer language. */
    public Locale buyerLocale(String pageLanguage) {
        return Locale.forLanguageTag(pageLanguage == null || pageLanguage.isBlank() ? defaultLanguage : pageLanguage);
    }

    public BrandingSettings withTexts(String language, CheckoutTexts changed) {
        Map<String, CheckoutTexts> all = new LinkedHashMap<>(texts);
        all.put(language, changed);
        return new BrandingSettings(displayName, logo, icon, brandColor, buttonColor, font, corners, businessAddress,
                supportEmail, supportPhone, all, billingAddress, collectPhone, allowPromotionCodes, defaultLanguage,
                redirectUrl);
    }

    public BrandingSettings withImages(String newLogo, String newIcon) {
        return new BrandingSettings(displayName, newLogo, newIcon, brandColor, buttonColor, font, corners,
                businessAddress, supportEmail, supportPhone, texts, billingAddress, collectPhone, allowPromotionCodes,
                defaultLanguage, redirectUrl);
    }

    /** The ratio of the button's white text to the button colour; below {@link Contrast#AA} the settings warn. */
    public double buttonContrast() {
        return Contrast.isHex(buttonColor) ? Contrast.buttonTextRatio(buttonColor) : 21;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
