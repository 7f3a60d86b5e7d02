package com.commercehub.buyer;

import com.commercehub.base.secrets.Sha256;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.quote.QuoteDelivery;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.subscription.BuyerPortal;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.GreenMailSupport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every e-mail to a buyer carries "Manage your subscriptions and invoices", in the e-mail's language, as a fresh
 * portal magic link for that buyer: the quote, the invoice, its resend and both reminders. One followed from the
 * delivered mail opens the buyer's portal with the invoice; once expired it lands on the request page, where this
 * buyer (invoices only, no subscription) can ask for a new link.
 */
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class BuyerMailPortalLinkIT extends GreenMailSupport {

    private static final Pattern TEXT_LINK =
            Pattern.compile("Ihre Abonnements und Rechnungen verwalten: https?://[^\\s\"<>]+(/portal/[A-Za-z0-9_-]{43})\\s");
    private static final Pattern HTML_LINK = Pattern.compile(
            "id=\"portal-link\"[^>]*>\\s*<a href=\"https?://[^\"]+(/portal/[A-Za-z0-9_-]{43})\"[^>]*>Ihre Abonnements und Rechnungen verwalten</a>");

    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteDelivery delivery;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    InvoiceService invoices;
    @Autowired
    BuyerPortal portal;
    @Autowired
    UserService users;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.base.i18n.Messages messages;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void every_buyer_email_links_the_buyers_portal_and_an_expired_link_leads_to_the_request_page() throws Exception {
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        String email = "portal-mail-" + UUID.randomUUID() + "@example.com";
        long company = companies.create(new CompanyDraft("Nordlicht AG", "nordlicht.example", "Hafen 1, Kiel", "DE")).id();
        ContactSummary buyer = contacts.create(new ContactDraft("Greta", "Lindqvist", email, company, Locale.GERMAN));

        var published = BuyerPages.publish(quotes, QuoteTestData.dealWithLines(deals, buyer), Locale.GERMAN, "Hallo",
                "Netto 30 Tage", false, null, false);
        delivery.sendToBuyer(published.quote().id(), false, "http://localhost:" + port + published.linkPath());
        InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, buyer.id(), null, "Greta Lindqvist", email,
                Locale.GERMAN, Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_15, null, null, null,
                false, null, null), List.of(new LineItemDraft(null, "Beratung", null, BigDecimal.ONE,
                new BigDecimal("450.00"), null, null, null, false, null, null)));
        InvoiceDetails sent = invoices.send(draft.id(), draft.version());
        invoices.resend(sent.id(), null, UUID.randomUUID().toString());
        AsAdmin.call(() -> sandboxClock.advance(Duration.ofDays(15))); // the reminder on the due date
        AsAdmin.call(() -> sandboxClock.advance(Duration.ofDays(8)));  // and the one after it

        List<Map<String, Object>> outbox = jdbc.sql(
                        "SELECT kind, text_body, html_body FROM email_outbox WHERE recipient = :to ORDER BY id")
                .param("to", email).query().listOfRows();
        assertThat(outbox).extracting(row -> row.get("kind"))
                .containsExactly("quote.sent", "invoice.sent", "invoice.resent", "invoice.due", "invoice.overdue");
        assertThat(outbox).allSatisfy(row -> {
            assertThat(TEXT_LINK.matcher((String) row.get("text_body")).find()).as("text of %s", row.get("kind")).isTrue();
            assertThat(HTML_LINK.matcher((String) row.get("html_body")).find()).as("HTML of %s", row.get("kind")).isTrue();
        });
        // Each e-mail its own link, each issued for this buyer.
        List<String> tokens = outbox.stream().map(row -> link(TEXT_LINK, (String) row.get("text_body")))
                .map(path -> path.substring("/portal/".length())).toList();
        assertThat(tokens).doesNotHaveDuplicates();
        assertThat(tokens).allSatisfy(token -> assertThat(jdbc.sql(
                        "SELECT contact FROM portal_link WHERE token_hash = :h AND purpose = 'portal'")
                .param("h", Sha256.hex(token)).query(Long.class).single()).isEqualTo(buyer.id()));

        // The latest reminder as delivered: its link opens the buyer's portal with the invoice.
        List<MimeMessage> delivered = mailsTo(email, 5);
        String path = link(TEXT_LINK, text(delivered.getLast()) + "\n");
        HttpResponse<String> opened = get(path);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Greta Lindqvist", sent.number()).doesNotContain("portal-expired");
        // On a phone each row is a card: its values carry their labels, as on the invoice page.
        assertThat(opened.body()).containsPattern("<tr id=\"invoice-" + sent.id() + "\">\\s*<td class=\"item\">"
                + sent.number() + "</td>\\s*<td data-label=\"" + messages.get("invoice.issue-date", Locale.GERMAN) + "\"");
        assertThat(opened.body()).contains("data-label=\"" + messages.get("invoice.total", Locale.GERMAN) + "\"");

        // An hour later the same link opens nothing but the request page.
        jdbc.sql("UPDATE portal_link SET expires_at = expires_at - INTERVAL 2 HOUR WHERE token_hash = :h")
                .param("h", Sha256.hex(path.substring("/portal/".length()))).update();
        HttpResponse<String> expired = get(path);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("portal-expired", "portal-request").doesNotContain(sent.number());

        // There this buyer, who has invoices but no subscription, gets a new link.
        portal.requestLink(email.toUpperCase(Locale.ROOT));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE recipient = :to AND kind = 'portal.link'")
                .param("to", email).query(Long.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "de").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String link(Pattern pattern, String body) {
        Matcher found = pattern.matcher(body);
        assertThat(found.find()).as("a portal link in %s", body).isTrue();
        return found.group(1);
    }
}
