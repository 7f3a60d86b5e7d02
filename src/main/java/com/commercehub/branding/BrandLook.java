package com.commercehub.branding;

/**
 * The branding as a page, a PDF or an e-mail uses it, for one language: addresses of the theme stylesheet and
 * the images under the given base, the colours (the button's text colour worked out), the CSS font stack and
 * corner radius, the contact details and that language's checkout texts.
 */
public record BrandLook(String displayName, String logoUrl, String iconUrl, String themeUrl, String brandColor,
                        String buttonColor, String buttonText, String radius, String fontStack, String pdfFont,
                        String businessAddress, String supportEmail, String supportPhone,
                        BrandingSettings.CheckoutTexts texts, String redirectUrl) {

    public static final String IMAGE_PATH = "/buyer/brand/image/";
    public static final String THEME_PATH = "/buyer/brand/theme-";
    public static final String DRAFT_PATH = "/staff/branding/drafts/";

    /**
     * @param base       what addresses start with: the context path, the public address (e-mails) or the PDF's
     *                   classpath base
     * @param themeUrl   the stylesheet to link (saved theme or a draft's)
     * @param language   the page's language tag, or {@code null} for the default buyer language
     */
    static BrandLook of(BrandingSettings settings, String base, String themeUrl, String language) {
        return new BrandLook(settings.displayName(), image(base, settings.logo()), image(base, settings.icon()),
                themeUrl, settings.brandColor(), settings.buttonColor(), Contrast.BUTTON_TEXT,
                settings.corners().radius(), settings.font().cssStack(), settings.font().pdfFace().family(),
                settings.businessAddress(), settings.supportEmail(), settings.supportPhone(),
                settings.textsIn(language), settings.redirectUrl());
    }

    private static String image(String base, String sha256) {
        return sha256 == null ? null : base + IMAGE_PATH + sha256 + ".png";
    }

    /** Shown in place of a logo: the first letters of {@code name}'s first two words. */
    public static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : (name == null ? "" : name).strip().split("\\s+")) {
            if (!word.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
