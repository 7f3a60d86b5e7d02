package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.invoice.ManualPayment;
import com.commercehub.invoice.ManualPaymentMethod;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.base.security.UserService;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying an invoice over real HTTP: the invoice page's Pay → the sandbox's hosted Checkout for the amount due →
 * the signed webhook → one payment that names the invoice, and the invoice paid from that payment alone.
 * Also: a paid quote's payment gets a numbered receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class InvoiceCheckoutIT {

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
    SandboxApiKey sandboxKey;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private PaymentFlow flow;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        flow = new PaymentFlow(jdbc, port);
    }

    private StripeClient sandbox() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    private InvoiceDetails sent(String price, boolean partial) {
        String email = "payer-" + UUID.randomUUID() + "@example.com";
        InvoiceHeader header = new InvoiceHeader(null, null, null, "Acme GmbH", email, Locale.GERMAN,
                java.util.Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_30, null, null, null, partial,
                null, "IBAN DE00");
        InvoiceDetails draft = invoices.createDraft(header, List.of(new LineItemDraft(null, "Workshop", null,
                BigDecimal.ONE, new BigDecimal(price), null, null, new BigDecimal("19"), false, null, null)));
        return invoices.send(draft.id(), draft.version());
    }

    private String pay(String token) throws Exception {
        HttpResponse<String> response = flow.postForm("/invoice/" + token + "/pay", "");
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/sandbox/checkout/cs_");
        return flow.url(location);
    }

    private static String sessionId(String checkoutPage) {
        return checkoutPage.substring(checkoutPage.indexOf("cs_")).replaceAll("[/?].*$", "");
    }

    @Test
    void paying_the_invoice_through_checkout_records_one_payment_for_it_and_the_webhook_makes_it_paid() throws Exception {
        InvoiceDetails invoice = sent("1000.00", false); // 19 % tax: €1,190.00 due
        String token = invoices.buyerPath(invoice.id()).orElseThrow().substring("/invoice/".length());
        HttpResponse<String> page = flow.get("/invoice/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(invoice.number(), "1.190,00", "invoice-pay");

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(flow.url("/invoice/" + token + "/pdf"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains(invoice.number(), "Acme GmbH", "1.190,00", "IBAN DE00");
        }

        String checkoutPage = pay(token);
        assertThat(pay(token)).isEqualTo(checkoutPage); // a second click: the same session
        Session session = sandbox().v1().checkout().sessions().retrieve(sessionId(checkoutPage));
        assertThat(session.getAmountTotal()).isEqualTo(119_000L);
        assertThat(session.getMode()).isEqualTo("payment");
        assertThat(session.getMetadata()).containsEntry("invoice_id", String.valueOf(invoice.id()));

        HttpResponse<String> paid = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey())
                .pay(checkoutPage, "4242 4242 4242 4242");
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/invoice/" + token + "/paid?session_id=cs_");
        flow.eventsProcessed();

        assertThat(sandbox().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("complete");
        List<Map<String, Object>> payments = jdbc.sql("SELECT status, amount, quote FROM payment WHERE invoice = :id")
                .param("id", invoice.id()).query().listOfRows();
        assertThat(payments).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1190.00");
            assertThat(row.get("quote")).isNull();
        });
        InvoiceDetails after = invoices.get(invoice.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.amountDue().isZero()).isTrue();
        // An invoice is the payment's document: no receipt besides it.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM receipt r JOIN payment p ON p.id = r.payment WHERE p.invoice = :id")
                .param("id", invoice.id()).query(Long.class).single()).isZero();
        HttpResponse<String> pageAfter = flow.get("/invoice/" + token);
        assertThat(pageAfter.body()).contains("Vollständig bezahlt").doesNotContain("invoice-pay");
        assertThat(flow.postForm("/invoice/" + token + "/pay", "").statusCode()).isEqualTo(409);
    }

    @Test
    void after_a_partial_manual_payment_checkout_charges_only_the_rest() throws Exception {
        InvoiceDetails invoice = sent("100.00", true); // €119.00
        InvoiceDetails partly = invoices.recordManualPayment(invoice.id(), invoice.version(),
                new ManualPayment(ManualPaymentMethod.BANK_TRANSFER, calendar.today(), new BigDecimal("19.00"), "TX-1"));
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        String token = invoices.buyerPath(invoice.id()).orElseThrow().substring("/invoice/".length());
        String checkoutPage = pay(token);
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId(checkoutPage)).getAmountTotal())
                .isEqualTo(10_000L);
        new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey())
                .pay(checkoutPage, "4242 4242 4242 4242");
        flow.eventsProcessed();
        InvoiceDetails after = invoices.get(invoice.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.amountPaid().amount()).isEqualByComparingTo("119.00");
        assertThat(after.payments()).hasSize(2);
    }

    private HttpResponse<String> payPart(String token, String typed) throws Exception {
        return flow.postForm("/invoice/" + token + "/pay", "amount=" + java.net.URLEncoder.encode(typed,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private String sessionOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/sandbox/checkout/cs_");
        return flow.url(location);
    }

    @Test
    void the_buyer_pays_part_of_the_invoice_online_then_the_rest_and_amounts_that_cannot_be_taken_are_refused_next_to_the_field()
            throws Exception {
        InvoiceDetails invoice = sent("100.00", true); // €119.00, in German
        String token = invoices.buyerPath(invoice.id()).orElseThrow().substring("/invoice/".length());
        assertThat(flow.get("/invoice/" + token).body()).contains("id=\"invoice-amount\"", "value=\"119,00\"");

        // Each refused with its reason next to the field, the typed text kept, and nothing made at Stripe.
        Map<String, String> refused = Map.of(
                "vierzig", "als Zahl",
                "10,005", "als Zahl",
                "0,40", "mindestens 0,50",
                "120,00", "mehr als fällig",
                "118,80", "mindestens 0,50");
        for (var bad : refused.entrySet()) {
            HttpResponse<String> page = payPart(token, bad.getKey());
            assertThat(page.statusCode()).as(bad.getKey()).isEqualTo(422);
            assertThat(page.body()).as(bad.getKey()).contains("id=\"invoice-amount-error\"", bad.getValue(),
                    "value=\"" + bad.getKey() + "\"");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invoice_checkout WHERE invoice = :id AND session_id IS NOT NULL")
                .param("id", invoice.id()).query(Long.class).single()).isZero();

        // €40.00 now ("40,00" as a German buyer writes it); asking again gives the same session.
        String part = sessionOf(payPart(token, "40,00"));
        assertThat(sessionOf(payPart(token, "40,00"))).isEqualTo(part);
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId(part)).getAmountTotal()).isEqualTo(4_000L);
        CheckoutTestQuotes cards = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        cards.pay(part, "4242 4242 4242 4242");
        flow.eventsProcessed();
        InvoiceDetails partly = invoices.get(invoice.id());
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.amountDue().amount()).isEqualByComparingTo("79.00");
        assertThat(flow.get("/invoice/" + token).body()).contains("value=\"79,00\"");
        // The page Checkout returns to: once that session's payment is recorded it offers the rest instead of
        // still saying the payment is being confirmed (and hiding Pay); another session is still being confirmed.
        String returned = flow.get("/invoice/" + token + "/paid?session_id=" + sessionId(part)).body();
        assertThat(returned).contains("id=\"invoice-amount\"", "value=\"79,00\"").doesNotContain("id=\"invoice-returned\"");
        assertThat(flow.get("/invoice/" + token + "/paid?session_id=cs_test_not_this_one").body())
                .contains("id=\"invoice-returned\"").doesNotContain("id=\"invoice-amount\"");

        // The rest: a session of its own for €79.00, and the invoice is paid.
        String rest = sessionOf(payPart(token, "79,00"));
        assertThat(rest).isNotEqualTo(part);
        assertThat(sandbox().v1().checkout().sessions().retrieve(sessionId(rest)).getAmountTotal()).isEqualTo(7_900L);
        cards.pay(rest, "4242 4242 4242 4242");
        flow.eventsProcessed();
        InvoiceDetails after = invoices.get(invoice.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.amountPaid().amount()).isEqualByComparingTo("119.00");
        assertThat(jdbc.sql("SELECT amount FROM payment WHERE invoice = :id ORDER BY id").param("id", invoice.id())
                .query(BigDecimal.class).list()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("40"), new BigDecimal("79"));

        // Without partial payments allowed there is no field, and a part sent anyway is refused.
        InvoiceDetails whole = sent("100.00", false);
        String wholeToken = invoices.buyerPath(whole.id()).orElseThrow().substring("/invoice/".length());
        assertThat(flow.get("/invoice/" + wholeToken).body()).doesNotContain("id=\"invoice-amount\"").contains("invoice-pay");
        HttpResponse<String> wholeOnly = payPart(wholeToken, "40,00");
        assertThat(wholeOnly.statusCode()).isEqualTo(422);
        assertThat(wholeOnly.body()).contains("in einer Zahlung");
    }

    @Test
    void a_paid_quote_gets_a_numbered_receipt_once() throws Exception {
        CheckoutTestQuotes testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR",
                List.of(line("Audit", "1", "300.00", null, null, null, false, null))),
                "receipt-" + UUID.randomUUID() + "@example.com");
        String back = testQuotes.pay(flow.checkOut(quote), "4242 4242 4242 4242").headers().firstValue("Location").orElseThrow();
        flow.get(back); // the return page records the payment too: still one receipt
        flow.eventsProcessed();
        List<String> receipts = jdbc.sql("SELECT r.number FROM receipt r JOIN payment p ON p.id = r.payment WHERE p.quote = :q")
                .param("q", quote.quoteId()).query(String.class).list();
        assertThat(receipts).singleElement().satisfies(number -> assertThat(number).startsWith("RCT-"));

        // The thank-you page offers the receipt's PDF, which names its number and the amount.
        assertThat(flow.get(back).body()).contains("receipt-pdf");
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(flow.url("/quote/" + quote.token() + "/receipt"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(receipts.getFirst(), "300");
        }
    }
}
