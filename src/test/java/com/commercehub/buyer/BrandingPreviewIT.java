package com.commercehub.buyer;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.branding.BrandFont;
import com.commercehub.branding.BrandingDrafts;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.StaffHttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page's preview is the real buyer template with the unsaved draft and its own theme stylesheet;
 * only an admin gets it. The saved theme and logos are public and cached for a year under content addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrandingPreviewIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    BrandingDrafts drafts;
    @Autowired
    BrandingService branding;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.quote.QuoteService quotes;
    @Autowired
    com.commercehub.crm.DealService deals;
    @Autowired
    com.commercehub.crm.CompanyService companies;
    @Autowired
    com.commercehub.crm.ContactService contacts;

    private StaffHttpSession signedIn(String email, Role role) throws Exception {
        jdbc.sql("DELETE FROM app_user WHERE email = ?").param(email).update();
        AsAdmin.call(() -> users.create(email, "Preview Tester", "preview password 123", EnumSet.of(role)));
        return StaffHttpSession.signIn(port, email, "preview password 123");
    }

    @Test
    void the_preview_renders_the_quote_template_with_the_draft_for_admins_only() throws Exception {
        BrandingSettings draft = new BrandingSettings("Draft & Co", null, null, "#0b3d2e", "#7a1fa2", BrandFont.LORA,
                BrandingSettings.Corners.PILL, null, "help@draft.example", null,
                Map.of("de", new BrandingSettings.CheckoutTexts("Jetzt zahlen", null, null, null)),
                BrandingSettings.BillingAddress.AUTO, false, false, "en", null);
        String id = drafts.put(null, draft);
        StaffHttpSession admin = signedIn("preview-admin@example.com", Role.ADMIN);

        HttpResponse<String> page = admin.get(BrandingPreviewDocument.PATH + "?draft=" + id + "&lang=de");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Draft &amp; Co").contains("/staff/branding/drafts/" + id + "/theme.css")
                .contains("help@draft.example").contains("lang=\"de\"");
        HttpResponse<String> theme = admin.get("/staff/branding/drafts/" + id + "/theme.css");
        assertThat(theme.body()).contains("--brand: #0b3d2e;").contains("--font-family: Lora");

        StaffHttpSession sales = signedIn("preview-sales@example.com", Role.SALES);
        assertThat(sales.get(BrandingPreviewDocument.PATH + "?draft=" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void the_saved_theme_is_public_and_cached_under_its_content_address() throws Exception {
        BrandingSettings current = branding.current();
        String path = "/buyer/brand/theme-" + com.commercehub.branding.BrandTheme.hash(current) + ".css";
        HttpResponse<String> theme = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(theme.statusCode()).isEqualTo(200);
        assertThat(theme.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("immutable");
        assertThat(theme.body()).contains("--brand: " + current.brandColor());
    }

    @Test
    void the_buyer_page_and_its_pdf_carry_the_saved_branding() throws Exception {
        BrandingSettings brand = new BrandingSettings("Nordlicht Studio", null, null, "#0b3d2e", "#7a1fa2",
                BrandFont.LORA, BrandingSettings.Corners.PILL, "Hafenstraße 1, Hamburg", "hilfe@nordlicht.example",
                "+49 40 123456", Map.of(), BrandingSettings.BillingAddress.AUTO, false, false, "en", null);
        AsAdmin.call(() -> branding.save(branding.currentVersion().id(), brand));
        try {
            var deal = BuyerPages.deal(jdbc, users, companies, contacts, deals, java.util.Locale.GERMAN);
            var published = BuyerPages.publish(quotes, deal, java.util.Locale.GERMAN, null, null, false, null, false);
            BuyerPages buyer = new BuyerPages(port);

            String html = buyer.get(published.linkPath()).body();
            assertThat(html).contains("/buyer/brand/theme-" + com.commercehub.branding.BrandTheme.hash(brand) + ".css")
                    .contains("Nordlicht Studio").contains("Hafenstraße 1, Hamburg").contains("hilfe@nordlicht.example");

            byte[] pdf = buyer.bytes(published.linkPath() + "/pdf").body();
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Nordlicht Studio").contains("Hafenstraße 1, Hamburg");
                java.util.Set<String> fonts = new java.util.HashSet<>();
                for (var page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name).getName());
                    }
                }
                // Lora is a serif family: the PDF's text is in the embedded serif face.
                assertThat(fonts).anyMatch(font -> font.contains("DejaVuSerif"));
            }
        } finally {
            AsAdmin.call(() -> branding.save(branding.currentVersion().id(), BrandingSettings.DEFAULTS));
        }
    }
}
