package com.commercehub.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast between colours given as {@code #rrggbb}. Buttons carry white text (as Stripe Checkout's do on
 * a dark button): a button colour too light for it gets a warning with the ratio, not a silent text colour swap.
 */
public final class Contrast {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Contrast() {
    }

    public static boolean isHex(String color) {
        return color != null && HEX.matcher(color).matches();
    }

    public static String normalized(String color) {
        return color == null ? null : color.strip().toLowerCase(Locale.ROOT);
    }

    /** The contrast ratio (1 to 21) of two {@code #rrggbb} colours. */
    public static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    public static final String BUTTON_TEXT = "#ffffff";

    /** The ratio of a button's (white) text to the button. */
    public static double buttonTextRatio(String button) {
        return ratio(button, BUTTON_TEXT);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
