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

    private final BuyerTemplates templates;

    QuotePdf(BuyerTemplates templates) {
        this.templates = templates;
    }

    byte[] render(QuotePage page) {
        String html = templates.render("quote", java.util.Locale.forLanguageTag(page.lang()),
                Map.of("page", page, "base", BASE.substring(0, BASE.length() - 1)));
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
                return QuotePdf.class.getClassLoader().getResourceAsStream(path);
            }

            @Override
            public Reader getReader() {
                InputStream in = getStream();
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            }
        };
    }
}
