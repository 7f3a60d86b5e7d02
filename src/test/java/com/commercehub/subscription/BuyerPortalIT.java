package com.commercehub.subscription;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.checkout.SubscribedBuyers;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer portal over HTTP: a magic link requested by e-mail (the same answer for unknown addresses) opens
 * the buyer's own subscriptions in their language; expired, tampered links and links used on another buyer's
 * subscription are refused; cancelling at period end reaches Stripe and the staff history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class BuyerPortalIT {

    private static final Pattern LINK = Pattern.compile("http\\S*/portal/([A-Za-z0-9_-]{43})");

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
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    InvoiceService invoices;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SubscribedBuyers buyers;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        buyers = new SubscribedBuyers(quotes, deals, companies, contacts, jdbc, port, sandboxKey);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for a link on /portal and takes the token from the e-mail in the outbox. */
    private String requestToken(String email) throws Exception {
        HttpResponse<String> answer = post("/portal", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"portal-sent\"");
        String text = jdbc.sql("SELECT text_body FROM email_outbox WHERE kind = 'portal.link' AND recipient = :r ORDER BY id DESC LIMIT 1")
                .param("r", email).query(String.class).single();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    @Test
    void a_requested_link_opens_the_buyers_subscriptions_in_their_language_and_unknown_addresses_get_the_same_answer()
            throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        String token = requestToken(bought.email());
        HttpResponse<String> page = get("/portal/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"de\"").contains("Ihre Abonnements").contains("id=\"subscription-" + bought.subscriptionId() + "\"")
                .contains("Nächste Abbuchung");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        String unknown = "nobody-" + System.nanoTime() + "@nowhere.example";
        HttpResponse<String> answer = post("/portal", "email=" + unknown);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"portal-sent\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE recipient = :r").param("r", unknown)
                .query(Long.class).single()).isZero();
    }

    @Test
    void expired_tampered_and_other_buyers_links_are_refused() throws Exception {
        SubscribedBuyers.Subscribed alice = buyers.subscribe();
        SubscribedBuyers.Subscribed bob = buyers.subscribe();
        String token = requestToken(alice.email());
        long bobsVersion = subscriptions.get(bob.subscriptionId()).orElseThrow().version();

        // Alice's link used on Bob's subscription: refused, and Bob's subscription is untouched at Stripe.
        HttpResponse<String> foreign = post("/portal/" + token + "/subscriptions/" + bob.subscriptionId() + "/cancel",
                "version=" + bobsVersion + "&reason=x");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(buyers.stripe().v1().subscriptions().retrieve(bob.stripeSubscriptionId()).getCancelAtPeriodEnd()).isFalse();
        assertThat(get("/portal/" + token).body()).doesNotContain("subscription-" + bob.subscriptionId());

        // Tampered: one character changed.
        char last = token.charAt(42);
        String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        assertThat(get("/portal/" + tampered).statusCode()).isEqualTo(404);
        assertThat(get("/portal/" + tampered).body()).contains("id=\"portal-expired\"");
        assertThat(get("/portal/not-a-token").statusCode()).isEqualTo(404);

        // Expired: an hour has passed.
        jdbc.sql("UPDATE portal_link SET expires_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 SECOND) WHERE token_hash = SHA2(:t, 256)")
                .param("t", token).update();
        assertThat(get("/portal/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void the_buyer_cancels_at_period_end_with_a_reason_and_staff_see_it_in_the_history() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        String token = requestToken(bought.email());
        long version = subscriptions.get(bought.subscriptionId()).orElseThrow().version();
        HttpResponse<String> answer = post("/portal/" + token + "/subscriptions/" + bought.subscriptionId() + "/cancel",
                "version=" + version + "&reason=" + URLEncoder.encode("Zu teuer <b>", StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(buyers.stripe().v1().subscriptions().retrieve(bought.stripeSubscriptionId()).getCancelAtPeriodEnd()).isTrue();
        SubscriptionDetails seen = subscriptions.get(bought.subscriptionId()).orElseThrow();
        assertThat(seen.state()).isEqualTo(SubscriptionState.SCHEDULED_TO_CANCEL);
        assertThat(seen.events().getFirst().actorKind()).isEqualTo("BUYER");
        assertThat(seen.events().getFirst().actor()).isEqualTo(bought.email());
        assertThat(seen.events().getFirst().detail()).isEqualTo("Zu teuer <b>");
        assertThat(get("/portal/" + token).body()).contains("data-state=\"scheduled_to_cancel\"");
        // The quote's owner is told, through the outbox.
        assertThat(jdbc.sql("SELECT recipient FROM email_outbox WHERE kind = 'subscription.buyer-canceled' AND subject LIKE :who")
                .param("who", "%Mustermann%").query(String.class).list()).contains("sam@example.com");
    }

    @Test
    void quantity_changes_only_where_the_seller_allows_them_with_the_preview_first() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        String token = requestToken(bought.email());
        SubscriptionDetails seen = subscriptions.get(bought.subscriptionId()).orElseThrow();
        String item = seen.items().getFirst().stripeItemId();
        String form = "version=" + seen.version() + "&item=" + item + "&quantity=3";
        assertThat(post("/portal/" + token + "/subscriptions/" + seen.id() + "/quantity/preview", form).statusCode()).isEqualTo(409);

        SubscriptionDetails allowed = subscriptions.allowBuyerQuantityChanges(seen.id(), seen.version(), true);
        form = "version=" + allowed.version() + "&item=" + item + "&quantity=3";
        HttpResponse<String> preview = post("/portal/" + token + "/subscriptions/" + seen.id() + "/quantity/preview", form);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"confirm-quantity\"");
        assertThat(post("/portal/" + token + "/subscriptions/" + seen.id() + "/quantity", form).statusCode()).isEqualTo(303);
        assertThat(buyers.stripe().v1().subscriptions().retrieve(bought.stripeSubscriptionId()).getItems().getData()
                .getFirst().getQuantity()).isEqualTo(3L);
        assertThat(subscriptions.get(seen.id()).orElseThrow().events().getFirst().actorKind()).isEqualTo("BUYER");
    }

    /** A sent invoice for the contact (or, with no contact, to the address only). */
    private InvoiceDetails sentInvoice(Long contactId, String email) {
        InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, contactId, null, "Käufer", email, Locale.GERMAN,
                Currency.getInstance("EUR"), LocalDate.now(), PaymentTerms.NET_30, null, null, null, false, null, null),
                List.of(new LineItemDraft(null, "Beratung", null, BigDecimal.ONE, new BigDecimal("120.00"), null, null,
                        null, false, null, null)));
        return invoices.send(draft.id(), draft.version());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_portal_lists_the_buyers_invoices_and_receipts_with_pdfs_and_serves_no_other_buyers_documents() throws Exception {
        SubscribedBuyers.Subscribed alice = buyers.subscribe();
        SubscribedBuyers.Subscribed bob = buyers.subscribe();
        InvoiceDetails alicesInvoice = sentInvoice(alice.contactId(), alice.email());
        InvoiceDetails byAddressOnly = sentInvoice(null, alice.email());
        InvoiceDetails bobsInvoice = sentInvoice(bob.contactId(), bob.email());
        InvoiceDetails alicesDraft = invoices.createDraft(new InvoiceHeader(null, alice.contactId(), null, "Käufer",
                alice.email(), Locale.GERMAN, Currency.getInstance("EUR"), LocalDate.now(), PaymentTerms.NET_30, null, null,
                null, false, null, null), List.of(new LineItemDraft(null, "Entwurf", null, BigDecimal.ONE,
                new BigDecimal("5.00"), null, null, null, false, null, null)));
        String alicesReceipt = jdbc.sql("""
                        SELECT r.number FROM receipt r JOIN payment p ON p.id = r.payment WHERE p.contact = :c""")
                .param("c", alice.contactId()).query(String.class).single();
        String bobsReceipt = jdbc.sql("""
                        SELECT r.number FROM receipt r JOIN payment p ON p.id = r.payment WHERE p.contact = :c""")
                .param("c", bob.contactId()).query(String.class).single();

        String token = requestToken(alice.email());
        String page = get("/portal/" + token).body();
        assertThat(page).contains("Rechnungen und Quittungen")
                .contains("id=\"invoice-" + alicesInvoice.id() + "\"").contains(alicesInvoice.number())
                .contains("id=\"invoice-" + byAddressOnly.id() + "\"")
                .contains("/portal/" + token + "/invoices/" + alicesInvoice.id() + "/pdf")
                .contains("id=\"receipt-" + alicesReceipt + "\"")
                .contains("/portal/" + token + "/receipts/" + alicesReceipt + "/pdf")
                .doesNotContain("invoice-" + bobsInvoice.id() + "\"").doesNotContain("invoice-" + alicesDraft.id() + "\"")
                .doesNotContain(bobsReceipt);

        HttpResponse<byte[]> invoicePdf = getBytes("/portal/" + token + "/invoices/" + alicesInvoice.id() + "/pdf");
        assertThat(invoicePdf.statusCode()).isEqualTo(200);
        assertThat(invoicePdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(invoicePdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> receiptPdf = getBytes("/portal/" + token + "/receipts/" + alicesReceipt + "/pdf");
        assertThat(receiptPdf.statusCode()).isEqualTo(200);
        assertThat(new String(receiptPdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // Another buyer's documents, a draft, and a tampered token: not found, nothing served.
        assertThat(getBytes("/portal/" + token + "/invoices/" + bobsInvoice.id() + "/pdf").statusCode()).isEqualTo(404);
        assertThat(getBytes("/portal/" + token + "/invoices/" + alicesDraft.id() + "/pdf").statusCode()).isEqualTo(404);
        assertThat(getBytes("/portal/" + token + "/receipts/" + bobsReceipt + "/pdf").statusCode()).isEqualTo(404);
        String tampered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        assertThat(getBytes("/portal/" + tampered + "/invoices/" + alicesInvoice.id() + "/pdf").statusCode()).isEqualTo(404);

        // Staff download the same receipt from the payments page's drawer, signed in; anonymous visitors cannot.
        com.commercehub.testsupport.StaffHttpSession staff = com.commercehub.testsupport.StaffHttpSession.signIn(port,
                "sam@example.com", "correct horse battery staple 42");
        HttpResponse<String> staffReceipt = staff.get("/staff/receipts/" + alicesReceipt + "/pdf");
        assertThat(staffReceipt.statusCode()).isEqualTo(200);
        assertThat(staffReceipt.body()).startsWith("%PDF-");
        assertThat(getBytes("/staff/receipts/" + alicesReceipt + "/pdf").statusCode()).isNotEqualTo(200);
    }
}
