package com.commercehub.buyer;

import com.commercehub.base.secrets.Sha256;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteActivityService;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's quote page over real HTTP: links, states, signing, PDFs, tracking and headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BuyerQuotePageIT {

    @LocalServerPort
    int port;
    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteLifecycle lifecycle;
    @Autowired
    QuoteActivityService activity;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private BuyerPages buyer;
    private DealDetails deal;

    @BeforeEach
    void setUp() {
        buyer = new BuyerPages(port);
        jdbc.sql("DELETE FROM email_outbox").update();
        deal = BuyerPages.deal(jdbc, users, companies, contacts, deals, Locale.GERMAN);
        AsAdmin.call(() -> stripe.useSandbox());
    }

    private QuoteService.Published published(boolean signature, boolean payment) {
        return BuyerPages.publish(quotes, deal, Locale.ENGLISH, "Hello Erika", "Net 30 days", signature,
                signature ? "cora@example.com" : null, payment);
    }

    private long events(long quoteId, String status) {
        return BuyerPages.events(jdbc, quoteId, status);
    }

    private long signatures(long quoteId) {
        return jdbc.sql("SELECT COUNT(*) FROM quote_signature WHERE quote = :q").param("q", quoteId)
                .query(Long.class).single();
    }

    @Test
    void unknown_malformed_and_switched_off_links_all_get_the_same_404() throws Exception {
        QuoteService.Published published = published(false, false);
        HttpResponse<String> unknown = buyer.get("/quote/" + "A".repeat(43));
        HttpResponse<String> malformed = buyer.get("/quote/not-a-token");
        AsAdmin.call(() -> {
            activity.disableLinks(published.quote().id(), quotes.get(published.quote().id()).version());
            return null;
        });
        HttpResponse<String> disabled = buyer.get(published.linkPath());

        for (HttpResponse<String> response : List.of(unknown, malformed, disabled)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("This link does not work").doesNotContain("Q-1001");
        }
        assertThat(disabled.body()).isEqualTo(unknown.body()).isEqualTo(malformed.body());
    }

    @Test
    void the_page_shows_the_quote_in_its_language_with_security_headers_and_no_session() throws Exception {
        QuoteService.Published published = BuyerPages.publish(quotes, deal, Locale.GERMAN, "Hallo Erika",
                "Zahlbar in 30 Tagen", false, null, true);
        HttpResponse<String> page = buyer.get(published.linkPath());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Angebot Q-1001 · Version 1", "Workshop", "Licence", "Erika Mustermann",
                "Acme GmbH", "sam@example.com", "Hallo Erika", "Zahlbar in 30 Tagen", "Jetzt fällig",
                "Sandbox — es fließt kein echtes Geld", "Kaufen");
        // 2 × 1,200 + 99, less 10 %, plus 19 % tax: the first payment in German notation.
        assertThat(page.body()).contains("2.676,43\u00a0€");
        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");
        assertThat(headers.allValues("Set-Cookie")).isEmpty();
        assertThat(page.body()).doesNotContain("<script>", "onclick", "style=");
    }

    @Test
    void whatever_staff_typed_is_shown_as_text_on_the_page_and_in_the_pdf() throws Exception {
        AsAdmin.call(() -> deals.addLine(deal.id(), deals.get(deal.id()).version(),
                com.commercehub.quote.QuoteTestData.line(BuyerPages.XSS, "10.00", null, null)));
        QuoteService.Published published = BuyerPages.publish(quotes, deal, Locale.ENGLISH, BuyerPages.XSS,
                BuyerPages.XSS, false, null, false);
        String html = buyer.get(published.linkPath()).body();
        assertThat(html).doesNotContain(BuyerPages.XSS).doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");

        String text = pdfText(buyer.bytes(published.linkPath() + "/pdf").body());
        assertThat(text).contains(BuyerPages.XSS.replaceAll("\\s+", " "));
    }

    @Test
    void a_buyers_first_view_counts_once_and_bots_and_head_requests_do_not() throws Exception {
        QuoteService.Published published = published(false, false);
        long id = published.quote().id();
        assertThat(buyer.head(published.linkPath()).statusCode()).isEqualTo(200);
        assertThat(buyer.get(published.linkPath(), "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")
                .statusCode()).isEqualTo(200);
        assertThat(AsAdmin.call(() -> quotes.get(id)).status()).isEqualTo(QuoteStatus.PUBLISHED);

        buyer.get(published.linkPath());
        buyer.get(published.linkPath());
        assertThat(AsAdmin.call(() -> quotes.get(id)).status()).isEqualTo(QuoteStatus.VIEWED);
        assertThat(events(id, "VIEWED")).isEqualTo(1);
        assertThat(AsAdmin.call(() -> activity.timeline(id))).extracting(e -> e.kind().name())
                .containsExactly("PUBLISHED", "VIEWED");
        // The owner hears of the first view once, in the outbox.
        assertThat(jdbc.sql("SELECT recipient, subject FROM email_outbox WHERE kind = 'quote.viewed'")
                .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2)).list())
                .containsExactly("sam@example.com | Your quote Q-1001 was viewed");
    }

    @Test
    void staff_who_open_the_link_do_not_count_as_the_buyer() {
        QuoteService.Published published = published(false, false);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "sam@example.com", null, List.of(new SimpleGrantedAuthority("ROLE_SALES"))));
        try {
            var request = new org.springframework.mock.web.MockHttpServletRequest("GET", published.linkPath());
            request.addHeader("User-Agent", BuyerPages.BROWSER);
            assertThat(BuyerRequests.countsAsView(request)).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
        var anonymous = new org.springframework.mock.web.MockHttpServletRequest("GET", published.linkPath());
        anonymous.addHeader("User-Agent", BuyerPages.BROWSER);
        assertThat(BuyerRequests.countsAsView(anonymous)).isTrue();
    }

    @Test
    void expired_recalled_and_replaced_links_say_so_and_offer_nothing() throws Exception {
        QuoteService.Published first = published(true, true);
        long id = first.quote().id();
        // Recalled: being revised.
        AsAdmin.call(() -> quotes.recall(id, quotes.get(id).version()));
        HttpResponse<String> revising = buyer.get(first.linkPath());
        assertThat(revising.body()).contains("This quote is being revised").doesNotContain("Check out", "sign-form");

        // Replaced by version 2 with one line fewer: the old link names the change and links the new one.
        QuoteService.Published second = AsAdmin.call(() -> {
            var edited = quotes.removeLine(id, quotes.get(id).version(), 1);
            return quotes.publish(id, edited.version());
        });
        HttpResponse<String> replaced = buyer.get(first.linkPath());
        assertThat(replaced.body()).contains("This quote was replaced by a newer version", "Removed: Licence",
                "href=\"" + second.linkPath() + "\"", "€2,676.43", "€2,570.40")
                .doesNotContain("Check out", "sign-form");

        // Expired: the date and the owner, nothing to act on.
        jdbc.sql("UPDATE quote SET expires_on = DATE_SUB(CURDATE(), INTERVAL 400 DAY) WHERE id = :id").param("id", id).update();
        HttpResponse<String> expired = buyer.get(second.linkPath());
        assertThat(expired.body()).contains("This quote expired on", "sam@example.com").doesNotContain("Check out", "sign-form");
        assertThat(AsAdmin.call(() -> quotes.get(id)).status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void a_page_left_open_while_the_quote_expired_can_neither_sign_nor_check_out() throws Exception {
        QuoteService.Published published = published(true, true);
        HttpResponse<String> open = buyer.get(published.linkPath());
        assertThat(open.body()).contains("sign-form", "Check out");

        jdbc.sql("UPDATE quote SET expires_on = DATE_SUB(CURDATE(), INTERVAL 400 DAY) WHERE id = :id")
                .param("id", published.quote().id()).update();
        HttpResponse<String> sign = buyer.post(published.linkPath() + "/sign", validSignature());
        assertThat(sign.statusCode()).isEqualTo(409);
        assertThat(sign.body()).contains("This quote expired on");
        assertThat(signatures(published.quote().id())).isZero();
        HttpResponse<String> checkout = buyer.post(published.linkPath() + "/checkout", Map.of());
        assertThat(checkout.statusCode()).isIn(404, 409);
        assertThat(checkout.body()).contains("This quote expired on");
    }

    @Test
    void blank_names_bad_emails_missing_consent_and_empty_pads_are_refused_next_to_the_field() throws Exception {
        QuoteService.Published published = published(true, false);
        Map<String, String> form = new HashMap<>(Map.of("name", "   ", "email", "erika@", "mode", "drawn",
                "signature", ""));
        HttpResponse<String> refused = buyer.post(published.linkPath() + "/sign", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("signer-name-error", "Enter your full name.", "signer-email-error",
                "Enter a valid e-mail address", "consent-error", "signature-error", "Draw your signature in the box.");
        // A blank canvas (transparent PNG) is no signature either.
        form = new HashMap<>(validSignature());
        form.put("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(png(false)));
        HttpResponse<String> blank = buyer.post(published.linkPath() + "/sign", form);
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("signature-error").doesNotContain("signer-name-error");
        assertThat(blank.body()).contains("value=\"Erika Mustermann\""); // what the buyer typed stays
        assertThat(signatures(published.quote().id())).isZero();
        assertThat(AsAdmin.call(() -> quotes.get(published.quote().id())).status()).isNotEqualTo(QuoteStatus.SIGNED);
    }

    @Test
    void signing_twice_at_once_records_one_signature_with_the_hash_of_the_frozen_version() throws Exception {
        QuoteService.Published published = published(true, true);
        long id = published.quote().id();
        assertThat(buyer.get(published.linkPath()).body()).contains("Sign the quote below before you check out.");

        var first = CompletableFuture.supplyAsync(() -> post(published.linkPath() + "/sign", validSignature()));
        var second = CompletableFuture.supplyAsync(() -> post(published.linkPath() + "/sign", validSignature()));
        assertThat(List.of(first.join(), second.join())).allSatisfy(code -> assertThat(code).isEqualTo(303));
        assertThat(signatures(id)).isEqualTo(1);
        assertThat(events(id, "SIGNED")).isEqualTo(1);

        String stored = jdbc.sql("SELECT content FROM quote_version WHERE quote = :q AND version_no = 1")
                .param("q", id).query(String.class).single();
        Map<String, Object> row = jdbc.sql("""
                        SELECT signer_name, signer_email, client_address, user_agent, content_sha256, drawn_png
                        FROM quote_signature WHERE quote = :q""").param("q", id).query().singleRow();
        assertThat(row.get("content_sha256")).isEqualTo(Sha256.hex(stored));
        // The owner is told, and the buyer gets what they signed as a PDF.
        assertThat(jdbc.sql("""
                        SELECT o.kind, o.recipient, COUNT(a.id) FROM email_outbox o
                        LEFT JOIN email_attachment a ON a.email_id = o.id
                        WHERE o.kind LIKE 'quote.signed%' GROUP BY o.id ORDER BY o.kind""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
                .containsExactly("quote.signed sam@example.com 0", "quote.signed-copy erika@acme.example 1");
        // The buyer's copy, like every buyer e-mail, carries their portal link.
        assertThat(jdbc.sql("SELECT text_body FROM email_outbox WHERE kind = 'quote.signed-copy' AND recipient = 'erika@acme.example' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).containsPattern("Manage your subscriptions and invoices: \\S+/portal/[A-Za-z0-9_-]{43}");
        assertThat(row.get("signer_name")).isEqualTo("Erika Mustermann");
        assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
        assertThat(row.get("user_agent")).isEqualTo(BuyerPages.BROWSER);
        assertThat((byte[]) row.get("drawn_png")).isNotEmpty();

        HttpResponse<String> signed = buyer.get(published.linkPath());
        assertThat(signed.body()).contains("Buyer: signed by Erika Mustermann", "Waiting for countersignature")
                .doesNotContain("sign-form");
        assertThat(signed.body()).containsPattern("<button[^>]*class=\"primary checkout\"[^>]*>");
        assertThat(signed.body()).doesNotContainPattern("<button[^>]*disabled[^>]*>Check out");

        // The countersigner countersigns from the builder; the page then says so.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cora@example.com", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            activity.countersign(id, quotes.get(id).version(), "10.0.0.5", "Builder");
            activity.countersign(id, quotes.get(id).version(), "10.0.0.5", "Builder");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(signatures(id)).isEqualTo(2);
        assertThat(buyer.get(published.linkPath()).body()).contains("Countersigned").doesNotContain("Waiting for countersignature");

        byte[] document = buyer.bytes(published.linkPath() + "/pdf").body();
        keepFirstPage(document, "quote-signed-pdf-page1.png");
        String pdf = pdfText(document);
        assertThat(pdf).contains("Signature certificate", "Erika Mustermann", "erika@acme.example", "127.0.0.1",
                Sha256.hex(stored), "Countersigner", "cora");
    }

    @Test
    void the_typed_name_signs_on_devices_without_a_pointer() throws Exception {
        QuoteService.Published published = published(true, false);
        Map<String, String> form = new HashMap<>(validSignature());
        form.put("mode", "typed");
        form.put("signature", "");
        assertThat(buyer.post(published.linkPath() + "/sign", form).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT drawn_png IS NULL FROM quote_signature WHERE quote = :q")
                .param("q", published.quote().id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void the_pdf_keeps_german_and_polish_letters_totals_and_page_numbers() throws Exception {
        AsAdmin.call(() -> deals.addLine(deal.id(), deals.get(deal.id()).version(),
                com.commercehub.quote.QuoteTestData.line("Schulung für Zażółć gęślą jaźń", "50.00", null, null)));
        QuoteService.Published german = BuyerPages.publish(quotes, deal, Locale.GERMAN, "Grüße aus Köln",
                "Zahlbar binnen 14 Tagen — Übergabe in Łódź", false, null, false);
        String text = pdfText(buyer.bytes(german.linkPath() + "/pdf").body());
        assertThat(text).contains("Angebot Q-1001 · Version 1", "Schulung für Zażółć gęślą jaźń", "Grüße aus Köln",
                "Übergabe in Łódź", "Jetzt fällig", "2.721,43 €", "1 / ");

        QuoteService.Published polish = BuyerPages.publish(quotes, deal, Locale.of("pl"), "Dzień dobry",
                "Płatność w ciągu 14 dni", false, null, false);
        String polishText = pdfText(buyer.bytes(polish.linkPath() + "/pdf").body());
        assertThat(polishText).contains("Oferta Q-1002 · wersja 1", "Do zapłaty teraz", "Płatność w ciągu 14 dni",
                "Dzień dobry", "2 721,43 €");
    }

    private int post(String path, Map<String, String> form) {
        try {
            return buyer.post(path, form).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> validSignature() {
        return Map.of("name", "Erika Mustermann", "email", "erika@acme.example", "consent", "yes", "mode", "drawn",
                "signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(png(true)));
    }

    static byte[] png(boolean ink) {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        if (ink) {
            var g = image.createGraphics();
            g.setColor(new Color(11, 31, 68));
            g.setStroke(new BasicStroke(3));
            g.drawLine(10, 80, 150, 20);
            g.drawLine(150, 20, 290, 70);
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the PDF's first page as an image with the build output, for people to look at. */
    static void keepFirstPage(byte[] pdf, String name) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var image = new PDFRenderer(document).renderImageWithDPI(0, 80);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            ImageIO.write(image, "png", java.nio.file.Path.of("target", "screenshots", name).toFile());
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
    }
}
