package com.commercehub.buyer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XSS by construction (docs/RELIABILITY.md, "Hostile input"): the HTML templates of buyer pages, PDFs and e-mails
 * print every value escaped ({@code th:text}, {@code [[...]]}), never raw, and every attribute that holds a URL or a
 * style is one somebody reviewed — listed below with why its value cannot be a staff- or buyer-typed
 * {@code javascript:} address. A new one fails here until it is reviewed and listed.
 */
class TemplateEscapingTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern RAW = Pattern.compile("th:utext|th:inline|\\[\\(|th:on[a-z]+=|th:attr(append|prepend)?=\"[^\"]*"
            + "\\b(href|src|action|formaction|style|on[a-z]+)\\s*=");
    private static final Pattern URL_OR_STYLE = Pattern.compile(
            "th:(href|src|action|formaction|srcset|style|styleappend)=\"([^\"]*)\"");

    /** Reviewed: template, attribute and expression; the value is built by the app, never typed by a person. */
    private static final Set<String> REVIEWED = Set.of(
            // the app's own paths (context path + a fixed path, or a path the controller built from the token)
            "buyer/fragments.html th:href ${base} + '/buyer/buyer.css'",
            "buyer/paid.html th:href ${base} + '/buyer/buyer.css'",
            "buyer/pay-paid.html th:href ${base} + '/buyer/buyer.css'",
            "buyer/quote.html th:href ${base} + '/buyer/buyer.css'",
            "buyer/quote.html th:src ${base} + '/buyer/quote.js'",
            "buyer/quote.html th:src ${base} + '/buyer/signature_pad.umd.min.js'",
            "buyer/quote.html th:href ${page.paths().pdf()}",
            "buyer/quote.html th:action ${page.paths().checkout()}",
            "buyer/quote.html th:action ${page.paths().sign()}",
            "buyer/state.html th:href ${base} + ${page.replaced().currentLink()}",
            "buyer/invoice.html th:action ${payPath}",
            "buyer/invoice.html th:href ${pdfPath}",
            "buyer/message.html th:href ${back}",
            "buyer/paid.html th:href ${back}",
            "buyer/paid.html th:href ${receiptPdf}",
            "buyer/pay-paid.html th:href ${back}",
            "buyer/pay.html th:action ${action}",
            "buyer/portal-request.html th:action ${base} + '/portal'",
            "buyer/portal.html th:action ${action} + '/subscriptions/' + ${confirm.subscription} + '/quantity'",
            "buyer/portal.html th:action ${action} + '/subscriptions/' + ${s.id} + '/cancel'",
            "buyer/portal.html th:action ${action} + '/subscriptions/' + ${s.id} + '/payment-method'",
            "buyer/portal.html th:action ${action} + '/subscriptions/' + ${s.id} + '/quantity/preview'",
            "buyer/portal.html th:href ${d.pdf}",
            "buyer/portal.html th:href ${p.receipt}",
            "branding/theme.html th:href ${#brand.themeUrl()}",
            // Stripe's receipt address, from Stripe's own (signature-verified or API-read) charge
            "buyer/paid.html th:href ${receiptUrl}",
            "buyer/pay-paid.html th:href ${receiptUrl}",
            // mailto: a staff e-mail address, which the user service accepts only as an address
            "buyer/quote.html th:href 'mailto:' + ${page.ownerEmail()}",
            "buyer/state.html th:href 'mailto:' + ${page.ownerEmail()}",
            "branding/theme.html th:href 'mailto:' + ${#brand.supportEmail()}",
            // images: a data: URI the app encoded from a drawn signature, a logo served by the app by its SHA-256
            "buyer/quote.html th:src ${s.imageDataUri()}",
            "buyer/fragments.html th:src ${#brand.logoUrl()}",
            "mail/simple.html th:src ${look.logoUrl()}",
            // e-mail action: SimpleEmail.withAction refuses every scheme but http(s)
            "mail/simple.html th:href ${actionUrl}",
            // the buyer's portal link: made by the app from its public address and a token; SimpleEmail refuses every
            // scheme but http(s) here too
            "mail/simple.html th:href ${portalUrl}",
            // colours: BrandingRules accepts #rrggbb only
            "mail/simple.html th:styleappend ${look != null} ? 'border-top:4px solid ' + ${look.brandColor()} + ';'",
            "mail/simple.html th:style 'display:inline-block;background:' + (${look != null} ? ${look.buttonColor()} : '#1d4ed8')"
                    + " + ';color:' + (${look != null} ? ${look.buttonText()} : '#ffffff') + ';text-decoration:none;padding:12px"
                    + " 20px;border-radius:6px;font-weight:bold;'");

    private static List<Path> htmlTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void no_html_template_prints_a_value_unescaped() throws IOException {
        List<String> raw = new ArrayList<>();
        for (Path template : htmlTemplates()) {
            String text = Files.readString(template);
            Matcher m = RAW.matcher(text);
            while (m.find()) {
                raw.add(TEMPLATES.relativize(template) + ": " + m.group());
            }
        }
        assertThat(htmlTemplates()).hasSizeGreaterThan(10);
        assertThat(raw).isEmpty();
    }

    @Test
    void every_url_and_style_attribute_is_a_reviewed_one() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path template : htmlTemplates()) {
            Matcher m = URL_OR_STYLE.matcher(Files.readString(template).replaceAll("\\s+", " "));
            while (m.find()) {
                found.add(TEMPLATES.relativize(template).toString().replace('\\', '/') + " th:" + m.group(1) + " " + m.group(2));
            }
        }
        assertThat(found).as("review a new URL or style attribute, then list it").isSubsetOf(REVIEWED);
        assertThat(REVIEWED).as("listed but gone").isSubsetOf(found);
    }
}
