package com.commercehub.branding;

/**
 * The theme stylesheet: the settings as CSS custom properties on {@code :root}, which the shared buyer sheet
 * ({@code /buyer/buyer.css}) uses for every colour, the buttons' corners and the font. Pages carry no styling
 * code of their own; linking this sheet after the buyer sheet is all a page does to be branded.
 */
public final class BrandTheme {

    private BrandTheme() {
    }

    /** The custom properties of {@code settings} (values are validated hex colours and fixed lists, never free text). */
    public static String css(BrandingSettings settings) {
        return ":root {\n"
                + "    --brand: " + safeColor(settings.brandColor(), BrandingSettings.DEFAULTS.brandColor()) + ";\n"
                + "    --brand-contrast: " + Contrast.BUTTON_TEXT + ";\n"
                + "    --button: " + safeColor(settings.buttonColor(), BrandingSettings.DEFAULTS.buttonColor()) + ";\n"
                + "    --button-text: " + Contrast.BUTTON_TEXT + ";\n"
                + "    --radius: " + settings.corners().radius() + ";\n"
                + "    --font-family: " + settings.font().cssStack() + ";\n"
                + "    --pdf-font: \"" + settings.font().pdfFace().family() + "\";\n"
                + "}\n";
    }

    /** Names the stylesheet's content, so its address changes whenever it does (and may be cached for a year). */
    public static String hash(BrandingSettings settings) {
        return com.commercehub.base.secrets.Sha256.hex(css(settings)).substring(0, 20);
    }

    private static String safeColor(String color, String fallback) {
        return Contrast.isHex(color) ? color : fallback;
    }
}
