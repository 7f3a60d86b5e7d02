package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.branding.BrandFont;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.branding.BrandingSettings.CheckoutTexts;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.commercehub.checkout.CheckoutTestQuotes.discount;
import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Checkout Session made after the branding was saved carries it — read back from the sandbox through
 * stripe-java — and the sandbox's hosted page shows it: colours, corners, font, texts in the quote's language,
 * the fields it collects, and promotion codes only where the quote brings no coupon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "brand-admin@example.com", roles = {"SALES", "ADMIN"})
class CheckoutBrandingIT {

    @Autowired
    QuoteCheckout checkout;
    @Autowired
    InvoiceCheckout invoiceCheckout;
    @Autowired
    InvoiceService invoices;
    @Autowired
    QuoteService quotes;
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
    BrandingService branding;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private CheckoutTestQuotes testQuotes;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "brand-admin@example.com", Role.SALES);
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
    }

    /** Tests share one database: the next test's sessions must see the defaults again. */
    @AfterEach
    void defaultBrandingAgain() {
        branding.save(branding.currentVersion().id(), BrandingSettings.DEFAULTS);
    }

    private void saveBranding(boolean promotionCodes) {
        BrandingSettings settings = new BrandingSettings("Nordlicht Studio", null, null, "#0b3d2e", "#7a1fa2",
                BrandFont.ROBOTO_SLAB, BrandingSettings.Corners.PILL, "Hafenstraße 1\n20457 Hamburg",
                "hilfe@nordlicht.example", "+49 40 123456",
                Map.of("en", new CheckoutTexts("Pay now, ship tomorrow", "Thanks from Hamburg", "I accept the terms", null),
                        "de", new CheckoutTexts("Jetzt zahlen, morgen versandt", null, null, null)),
                BrandingSettings.BillingAddress.REQUIRED, true, promotionCodes, "en", null);
        branding.save(branding.currentVersion().id(), settings);
    }

    @Test
    void a_session_created_after_saving_carries_the_branding_and_the_hosted_page_shows_it() throws Exception {
        saveBranding(true);
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Workshop", "2", "400.00", null, null, "19", false, null))));

        String url = checkout.start(quote.token());

        Session session = testQuotes.session(url);
        assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo("#7a1fa2");
        assertThat(session.getBrandingSettings().getBackgroundColor()).isEqualTo("#0b3d2e");
        assertThat(session.getBrandingSettings().getBorderStyle()).isEqualTo("pill");
        assertThat(session.getBrandingSettings().getFontFamily()).isEqualTo("roboto_slab");
        assertThat(session.getBrandingSettings().getDisplayName()).isEqualTo("Nordlicht Studio");
        // The test buyer's quote is German: its own submit text, the rest from the default language (English).
        assertThat(session.getLocale()).isEqualTo("de");
        assertThat(session.getCustomText().getSubmit().getMessage()).isEqualTo("Jetzt zahlen, morgen versandt");
        assertThat(session.getCustomText().getAfterSubmit().getMessage()).isEqualTo("Thanks from Hamburg");
        assertThat(session.getCustomText().getTermsOfServiceAcceptance().getMessage()).isEqualTo("I accept the terms");
        assertThat(session.getBillingAddressCollection()).isEqualTo("required");
        assertThat(session.getPhoneNumberCollection().getEnabled()).isTrue();
        assertThat(session.getAllowPromotionCodes()).isTrue();
        assertThat(session.getDiscounts()).isNullOrEmpty();

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("background:#7a1fa2").contains("border-radius:999px").contains("'Roboto Slab'")
                .contains("background:#0b3d2e").contains("Nordlicht Studio").contains("Jetzt zahlen, morgen versandt")
                .contains("I accept the terms").contains("id=\"address\"").contains("id=\"phone\"")
                .contains("id=\"promotion-code\"");
    }

    @Test
    void an_invoice_s_session_carries_the_branding_in_the_invoice_s_language_but_never_promotion_codes() throws Exception {
        saveBranding(true);
        InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, null, null, "Käufer GmbH",
                "invoice-branding-" + System.nanoTime() + "@example.com", Locale.GERMAN, Currency.getInstance("EUR"),
                LocalDate.now(), PaymentTerms.NET_15, null, null, null, false, null, null),
                List.of(new LineItemDraft(null, "Beratung", null, BigDecimal.ONE, new BigDecimal("300.00"), null, null,
                        null, false, null, null)));
        InvoiceDetails sent = invoices.send(draft.id(), draft.version());
        String token = invoices.buyerPath(sent.id()).orElseThrow().substring("/invoice/".length());

        Session session = testQuotes.session(invoiceCheckout.start(token));

        assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo("#7a1fa2");
        assertThat(session.getBrandingSettings().getFontFamily()).isEqualTo("roboto_slab");
        assertThat(session.getLocale()).isEqualTo("de");
        assertThat(session.getCustomText().getSubmit().getMessage()).isEqualTo("Jetzt zahlen, morgen versandt");
        assertThat(session.getBillingAddressCollection()).isEqualTo("required");
        assertThat(session.getAllowPromotionCodes()).isNotEqualTo(Boolean.TRUE);
        assertThat(session.getSuccessUrl()).contains("/invoice/" + token + "/paid");
    }

    @Test
    void a_quote_with_its_own_coupon_gets_no_promotion_codes_even_when_they_are_allowed() throws Exception {
        saveBranding(true);
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Workshop", "2", "400.00", null, null, "19", false, null)), discount(Adjustment.amount("50.00"))));

        Session session = testQuotes.session(checkout.start(quote.token()));

        assertThat(session.getDiscounts()).singleElement().satisfies(d -> assertThat(d.getCoupon()).isNotNull());
        assertThat(session.getAllowPromotionCodes()).isNotEqualTo(Boolean.TRUE);
        assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo("#7a1fa2");
    }

    @Test
    void without_the_default_a_session_offers_no_promotion_codes_and_collects_no_phone() throws Exception {
        branding.save(branding.currentVersion().id(), BrandingSettings.DEFAULTS);
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Workshop", "1", "400.00", null, null, "19", false, null))));

        Session session = testQuotes.session(checkout.start(quote.token()));

        assertThat(session.getAllowPromotionCodes()).isNotEqualTo(Boolean.TRUE);
        assertThat(session.getPhoneNumberCollection().getEnabled()).isFalse();
        assertThat(session.getBillingAddressCollection()).isEqualTo("auto");
        assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo("#1f5fbf");
    }
}
