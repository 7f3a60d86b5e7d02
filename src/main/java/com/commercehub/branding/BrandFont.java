package com.commercehub.branding;

import java.util.Locale;

/**
 * The font families Stripe Checkout offers ({@code branding_settings.font_family}), with the CSS stack buyer
 * pages use for each and the embedded PDF face that comes closest (the PDF has DejaVu only).
 */
public enum BrandFont {
    DEFAULT("system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\", sans-serif", PdfFace.SANS),
    BE_VIETNAM_PRO("\"Be Vietnam Pro\", sans-serif", PdfFace.SANS),
    BITTER("Bitter, Georgia, serif", PdfFace.SERIF),
    CHAKRA_PETCH("\"Chakra Petch\", sans-serif", PdfFace.SANS),
    HAHMLET("Hahmlet, Georgia, serif", PdfFace.SERIF),
    INCONSOLATA("Inconsolata, \"DejaVu Sans Mono\", monospace", PdfFace.MONO),
    INTER("Inter, sans-serif", PdfFace.SANS),
    LATO("Lato, sans-serif", PdfFace.SANS),
    LORA("Lora, Georgia, serif", PdfFace.SERIF),
    M_PLUS_1_CODE("\"M PLUS 1 Code\", monospace", PdfFace.MONO),
    MONTSERRAT("Montserrat, sans-serif", PdfFace.SANS),
    NOTO_SANS("\"Noto Sans\", sans-serif", PdfFace.SANS),
    NOTO_SANS_JP("\"Noto Sans JP\", sans-serif", PdfFace.SANS),
    NOTO_SERIF("\"Noto Serif\", Georgia, serif", PdfFace.SERIF),
    NUNITO("Nunito, sans-serif", PdfFace.SANS),
    OPEN_SANS("\"Open Sans\", sans-serif", PdfFace.SANS),
    PRIDI("Pridi, Georgia, serif", PdfFace.SERIF),
    PT_SANS("\"PT Sans\", sans-serif", PdfFace.SANS),
    PT_SERIF("\"PT Serif\", Georgia, serif", PdfFace.SERIF),
    RALEWAY("Raleway, sans-serif", PdfFace.SANS),
    ROBOTO("Roboto, sans-serif", PdfFace.SANS),
    ROBOTO_SLAB("\"Roboto Slab\", Georgia, serif", PdfFace.SERIF),
    SOURCE_SANS_PRO("\"Source Sans Pro\", sans-serif", PdfFace.SANS),
    TITILLIUM_WEB("\"Titillium Web\", sans-serif", PdfFace.SANS),
    UBUNTU_MONO("\"Ubuntu Mono\", \"DejaVu Sans Mono\", monospace", PdfFace.MONO),
    ZEN_MARU_GOTHIC("\"Zen Maru Gothic\", sans-serif", PdfFace.SANS);

    /** The embedded PDF families; their names are the ones the PDF renderer registers. */
    public enum PdfFace {
        SANS("DejaVu Sans"), SERIF("DejaVu Serif"), MONO("DejaVu Sans Mono");

        private final String family;

        PdfFace(String family) {
            this.family = family;
        }

        public String family() {
            return family;
        }
    }

    private final String cssStack;
    private final PdfFace pdfFace;

    BrandFont(String cssStack, PdfFace pdfFace) {
        this.cssStack = cssStack;
        this.pdfFace = pdfFace;
    }

    public String cssStack() {
        return cssStack;
    }

    public PdfFace pdfFace() {
        return pdfFace;
    }

    /** Stripe's own name of the family ({@code "roboto_slab"}). */
    public String stripeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the family is called on the settings page ("Roboto Slab"). */
    public String displayName() {
        if (this == DEFAULT) {
            return "Stripe default";
        }
        StringBuilder shown = new StringBuilder();
        for (String word : name().split("_")) {
            shown.append(shown.isEmpty() ? "" : " ").append(word.length() <= 2 || word.equals("PLUS") || word.equals("PRO")
                    ? word : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
        }
        return shown.toString();
    }
}
