package com.commercehub.buyer;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The quote as a PDF, from the same template as the buyer page (so they cannot disagree), with the
 * DejaVu fonts embedded so that Polish and German letters survive, page numbers, and — once signed —
 * a signature certificate page.
 */
@Component
class QuotePdf {

    static final String FONT = "DejaVu Sans";
    // Stylesheets and images the template names are read from the app's static resources on the classpath.
    private static final String BASE = "classpath:/META-INF/resources/";

    private static final java.util.regex.Pattern DEFINITION = java.util.regex.Pattern.compile("(--[\\w-]+)\\s*:\\s*([^;]+);");
    private static final java.util.regex.Pattern USE = java.util.regex.Pattern.compile("var\\((--[\\w-]+)\\)");

    static {
        // The buyer sheet uses what browsers have (flex, gap) beside what the PDF needs; the PDF renderer
        // warns about each such property on every render. Those warnings say nothing about the document.
        // Its progress reports (fonts loaded, "prepare to fly") are no news either.
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
        com.openhtmltopdf.util.XRLog.setLevel(com.openhtmltopdf.util.XRLog.CSS_PARSE, java.util.logging.Level.SEVERE);
    }

    private final BuyerTemplates templates;
    private final com.commercehub.branding.BrandingService branding;

    QuotePdf(BuyerTemplates templates, com.commercehub.branding.BrandingService branding) {
        this.templates = templates;
        this.branding = branding;
    }

    /**
     * The PDF renderer knows no CSS custom properties: the sheet's {@code var(--x)} are replaced by the values
     * its {@code :root} defines, so the PDF keeps the colours and borders the page shows.
     */
    static String withVariablesResolved(String css) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        var definitions = DEFINITION.matcher(css);
        while (definitions.find()) {
            values.putIfAbsent(definitions.group(1), definitions.group(2).strip());
        }
        return USE.matcher(css).replaceAll(use -> java.util.regex.Matcher.quoteReplacement(
                values.getOrDefault(use.group(1), "initial")));
    }

    byte[] render(QuotePage page) {
        return render("quote", java.util.Locale.forLanguageTag(page.lang()), Map.of("page", page));
    }

    /** Any buyer template as a PDF (the invoice's too), with the same fonts, styles and layout rules. */
    byte[] render(String template, java.util.Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new java.util.HashMap<>(model);
        variables.put("base", BASE.substring(0, BASE.length() - 1));
        String html = templates.render(template, locale, variables);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSans-Oblique.ttf"), FONT, 400, FontStyle.ITALIC, true);
            // The branding's font maps to the closest embedded face (BrandFont.pdfFace), registered under its name.
            builder.useFont(font("DejaVuSerif.ttf"), "DejaVu Serif", 400, FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSerif-Bold.ttf"), "DejaVu Serif", 700, FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSansMono-Bold.ttf"), "DejaVu Sans Mono", 700, FontStyle.NORMAL, true);
            com.commercehub.branding.BrandingSettings brand = branding.current();
            builder.useProtocolsStreamImplementation(uri -> classpathResource(uri, brand), "classpath");
            builder.withHtmlContent(html, BASE);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The quote PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static FSSupplier<InputStream> font(String file) {
        // From the classpath, not a File: the production jar has no font files on disk.
        return () -> QuotePdf.class.getResourceAsStream("/fonts/" + file);
    }

    /**
     * The template's stylesheets and images: static resources from the classpath, the branding's logo from the
     * database, and the buyer sheet with the branding's custom properties put first (the PDF resolves each
     * {@code var()} from the first definition, and reads the theme stylesheet the page links as no more than that).
     */
    private FSStream classpathResource(String uri, com.commercehub.branding.BrandingSettings brand) {
        String path = "META-INF/resources/" + uri.substring("classpath:/".length()).replaceFirst("^META-INF/resources/", "");
        if (path.contains("..")) {
            return null;
        }
        String image = "META-INF/resources" + com.commercehub.branding.BrandLook.IMAGE_PATH;
        return new FSStream() {
            @Override
            public InputStream getStream() {
                if (path.startsWith(image) && path.endsWith(".png")) {
                    return branding.image(path.substring(image.length(), path.length() - ".png".length()))
                            .map(java.io.ByteArrayInputStream::new).orElse(null);
                }
                if (path.startsWith("META-INF/resources" + com.commercehub.branding.BrandLook.THEME_PATH)) {
                    return new java.io.ByteArrayInputStream(com.commercehub.branding.BrandTheme.css(brand)
                            .getBytes(StandardCharsets.UTF_8));
                }
                InputStream in = QuotePdf.class.getClassLoader().getResourceAsStream(path);
                if (in == null || !path.endsWith(".css")) {
                    return in;
                }
                try (in) {
                    String css = com.commercehub.branding.BrandTheme.css(brand)
                            + new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return new java.io.ByteArrayInputStream(withVariablesResolved(css).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Reader getReader() {
                InputStream in = getStream();
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            }
        };
    }
}
