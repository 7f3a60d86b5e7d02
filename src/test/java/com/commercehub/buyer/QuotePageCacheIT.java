package com.commercehub.buyer;

import com.commercehub.base.security.UserService;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.branding.BrandingVersion;
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

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept quote pages ({@link QuotePageCache}) over real HTTP: every test first makes sure the page is kept, then
 * changes what it shows — a signature, a countersignature, a payment, the date passing, the branding, a recall, a
 * new version, a switched-off link — and the next view must show the change. A stale page fails them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuotePageCacheIT {

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
    BrandingService branding;
    @Autowired
    QuotePageCache renderedPages;
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

    private static String token(QuoteService.Published published) {
        return published.linkPath().substring(published.linkPath().lastIndexOf('/') + 1);
    }

    /** Views the page until it is kept (the first counted view opens the quote), and returns it. */
    private String kept(QuoteService.Published published) throws Exception {
        String first = buyer.get(published.linkPath()).body();
        String again = buyer.get(published.linkPath()).body();
        assertThat(renderedPages.unchanged(token(published), true, "")).as("the page is kept").contains(again);
        assertThat(again).isEqualTo(first);
        return again;
    }

    private long events(long quoteId, String status) {
        return BuyerPages.events(jdbc, quoteId, status);
    }

    @Test
    void repeated_views_get_the_kept_page_and_the_first_view_still_counts_once() throws Exception {
        QuoteService.Published published = published(false, true);
        long id = published.quote().id();
        // A link preview looks first: its page is kept, yet the buyer's first look must still count.
        String bot = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
        assertThat(buyer.get(published.linkPath(), bot).statusCode()).isEqualTo(200);
        assertThat(buyer.get(published.linkPath(), bot).statusCode()).isEqualTo(200);
        assertThat(renderedPages.unchanged(token(published), false, "")).isPresent();
        assertThat(AsAdmin.call(() -> quotes.get(id)).status()).isEqualTo(QuoteStatus.PUBLISHED);

        String page = kept(published);
        for (int i = 0; i < 5; i++) {
            assertThat(buyer.get(published.linkPath()).body()).isEqualTo(page);
        }
        assertThat(page).contains("Check out", "Hello Erika");
        assertThat(AsAdmin.call(() -> quotes.get(id)).status()).isEqualTo(QuoteStatus.VIEWED);
        assertThat(events(id, "VIEWED")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'quote.viewed'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void a_signature_and_a_countersignature_show_at_once() throws Exception {
        QuoteService.Published published = published(true, true);
        long id = published.quote().id();
        assertThat(kept(published)).contains("sign-form", "Sign the quote below before you check out.");

        assertThat(buyer.post(published.linkPath() + "/sign", BuyerQuotePageIT.validSignature()).statusCode())
                .isEqualTo(303);
        String signed = kept(published);
        assertThat(signed).contains("Buyer: signed by Erika Mustermann", "Waiting for countersignature")
                .doesNotContain("sign-form");

        // A countersignature changes no status, only the signatures on the version.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cora@example.com", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            activity.countersign(id, quotes.get(id).version(), "10.0.0.5", "Builder");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(buyer.get(published.linkPath()).body()).contains("Countersigned")
                .doesNotContain("Waiting for countersignature");
    }

    @Test
    void a_payment_shows_at_once() throws Exception {
        QuoteService.Published published = published(false, true);
        assertThat(kept(published)).contains("Check out").doesNotContain("banner-paid");

        lifecycle.recordPayment(published.quote().id(), 1);
        HttpResponse<String> paid = buyer.get(published.linkPath());
        assertThat(paid.body()).contains("id=\"banner-paid\"").doesNotContain("Check out");
    }

    @Test
    void the_date_passing_expires_the_quote_though_nothing_was_saved() throws Exception {
        QuoteService.Published published = published(true, true);
        assertThat(kept(published)).contains("sign-form", "Check out");

        // Only the date moves (the row's version stays): the kept page must not outlive the quote's date.
        jdbc.sql("UPDATE quote SET expires_on = DATE_SUB(CURDATE(), INTERVAL 1 DAY) WHERE id = :id")
                .param("id", published.quote().id()).update();
        assertThat(buyer.get(published.linkPath()).body()).contains("This quote expired on")
                .doesNotContain("Check out", "sign-form");
        assertThat(AsAdmin.call(() -> quotes.get(published.quote().id())).status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void a_branding_change_shows_at_once() throws Exception {
        QuoteService.Published published = published(false, false);
        assertThat(kept(published)).doesNotContain("Kept Pages Trading Ltd");
        BrandingVersion before = AsAdmin.call(() -> branding.currentVersion());
        try {
            BrandingSettings s = before.settings();
            AsAdmin.call(() -> branding.save(before.id(), new BrandingSettings("Kept Pages Trading Ltd", s.logo(),
                    s.icon(), s.brandColor(), s.buttonColor(), s.font(), s.corners(), s.businessAddress(),
                    s.supportEmail(), s.supportPhone(), s.texts(), s.billingAddress(), s.collectPhone(),
                    s.allowPromotionCodes(), s.defaultLanguage(), s.redirectUrl())));
            assertThat(buyer.get(published.linkPath()).body()).contains("Kept Pages Trading Ltd");
        } finally {
            AsAdmin.call(() -> branding.save(branding.currentVersion().id(), before.settings()));
        }
        assertThat(buyer.get(published.linkPath()).body()).doesNotContain("Kept Pages Trading Ltd");
    }

    @Test
    void a_recall_a_new_version_and_a_switched_off_link_show_at_once() throws Exception {
        QuoteService.Published first = published(false, true);
        long id = first.quote().id();
        assertThat(kept(first)).contains("Check out");

        AsAdmin.call(() -> quotes.recall(id, quotes.get(id).version()));
        assertThat(buyer.get(first.linkPath()).body()).contains("This quote is being revised")
                .doesNotContain("Check out");

        QuoteService.Published second = AsAdmin.call(() -> {
            var edited = quotes.removeLine(id, quotes.get(id).version(), 1);
            return quotes.publish(id, edited.version());
        });
        assertThat(buyer.get(first.linkPath()).body()).contains("This quote was replaced by a newer version",
                "href=\"" + second.linkPath() + "\"");
        assertThat(kept(second)).contains("Check out");

        AsAdmin.call(() -> {
            activity.disableLinks(id, quotes.get(id).version());
            return null;
        });
        for (QuoteService.Published link : List.of(first, second)) {
            HttpResponse<String> gone = buyer.get(link.linkPath());
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("This link does not work").doesNotContain("Q-1001");
            assertThat(renderedPages.unchanged(token(link), true, "")).isEmpty();
        }
    }
}
