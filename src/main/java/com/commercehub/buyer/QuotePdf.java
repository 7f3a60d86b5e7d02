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

    QuotePdf(BuyerTemplates templates) {
        this.templates = templates;
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
            builder.useProtocolsStreamImplementation(QuotePdf::classpathResource, "classpath");
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

    private static FSStream classpathResource(String uri) {
        String path = "META-INF/resources/" + uri.substring("classpath:/".length()).replaceFirst("^META-INF/resources/", "");
        if (path.contains("..")) {
            return null;
        }
        return new FSStream() {
            @Override
            public InputStream getStream() {
                InputStream in = QuotePdf.class.getClassLoader().getResourceAsStream(path);
                if (in == null || !path.endsWith(".css")) {
                    return in;
                }
                try (in) {
                    String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
