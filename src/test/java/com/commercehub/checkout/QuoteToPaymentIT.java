package com.commercehub.checkout;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentService;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow that must never break, over real HTTP: the buyer's *Check out* on the quote page → the
 * sandbox's hosted Checkout → back on the thank-you page → the signed webhook → one payment with
 * Stripe's gross, fee and net, the quote Paid, the deal won, the owner e-mailed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class QuoteToPaymentIT {

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
    PaymentService payments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.sandbox.SandboxClockService sandboxClock;
    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private CheckoutTestQuotes testQuotes;
    private PaymentFlow flow;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        jdbc.sql("DELETE FROM email_outbox").update();
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        flow = new PaymentFlow(jdbc, port);
    }

    private String checkOut(CheckoutTestQuotes.Published quote) throws Exception {
        return flow.checkOut(quote);
    }

    private HttpResponse<String> get(String address) throws Exception {
        return flow.get(address);
    }

    private void eventsProcessed() throws InterruptedException {
        flow.eventsProcessed();
    }

    private String url(String path) {
        return flow.url(path);
    }

    /** €1,000 workshop with 19 % tax: €1,190.00 due; the sandbox's fee is 2.9 % + €0.30 = €34.81. */
    private CheckoutTestQuotes.Published quote() {
        return testQuotes.publish(spec("EUR", List.of(line("Workshop", "1", "1000.00", null, null, "19", false, null))));
    }




    private HttpResponse<String> authenticate(String location, boolean approve) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : url(location)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=" + (approve ? "approve" : "fail"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }


    private long paymentsOf(CheckoutTestQuotes.Published quote) {
        return jdbc.sql("SELECT COUNT(*) FROM payment WHERE quote = :q").param("q", quote.quoteId()).query(Long.class).single();
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void paying_with_4242_records_one_payment_with_stripes_gross_fee_and_net_and_the_quote_is_paid() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        String checkoutPage = checkOut(quote);
        assertThat(checkOut(quote)).isEqualTo(checkoutPage); // a second click: the same session

        HttpResponse<String> paid = testQuotes.pay(checkoutPage, "4242 4242 4242 4242");
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/quote/" + quote.token() + "/paid?session_id=cs_");
        // The buyer is back at once: the page confirms by reading the session, whether or not the webhook came.
        HttpResponse<String> thanks = get(back);
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("payment-paid", "1.190,00").contains("/sandbox/receipt/ch_");

        eventsProcessed();
        get(back); // and again later: nothing new is recorded
        assertThat(paymentsOf(quote)).isEqualTo(1);
        PaymentEntry payment = payments.ofQuote(quote.quoteId()).getFirst();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.amount()).isEqualTo(Money.of("1190.00", "EUR"));
        assertThat(payment.gross()).isEqualTo(Money.of("1190.00", "EUR"));
        assertThat(payment.fee()).isEqualTo(Money.of("34.81", "EUR"));
        assertThat(payment.net()).isEqualTo(Money.of("1155.19", "EUR"));
        assertThat(payment.method()).isEqualTo("card");
        assertThat(payment.accountId()).isNotBlank();
        assertThat(payment.dealId()).isNotNull();
        assertThat(payments.ofDeal(payment.dealId())).extracting(PaymentEntry::id).containsExactly(payment.id());

        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
        assertThat(deals.get(payment.dealId()).stage()).isEqualTo(DealStage.CLOSED_WON);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = 'PAID'")
                .param("q", quote.quoteId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT recipient FROM email_outbox WHERE kind = 'quote.paid'").query(String.class).list())
                .containsExactly("sam@example.com");
        // The quote page now says Paid and offers no checkout; the receipt opens.
        String page = get("/quote/" + quote.token()).body();
        assertThat(page).contains("banner-paid").doesNotContain("class=\"primary checkout\"");
        assertThat(get(payment.receiptUrl()).body()).contains("€1,190.00");
    }

    @Test
    void declined_and_insufficient_funds_cards_record_nothing_and_the_buyer_can_retry() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        String checkoutPage = checkOut(quote);
        // Declined on the hosted page (shown in the buyer's language): no redirect back, nothing paid.
        for (String card : List.of("4000 0000 0000 0002", "4000 0000 0000 9995")) {
            HttpResponse<String> declined = testQuotes.pay(checkoutPage, card);
            assertThat(declined.statusCode()).isEqualTo(200);
            assertThat(declined.headers().firstValue("Location")).isEmpty();
        }
        eventsProcessed();
        assertThat(paymentsOf(quote)).isZero();
        assertThat(quotes.get(quote.quoteId()).status()).isNotEqualTo(QuoteStatus.PAID);

        testQuotes.pay(checkOut(quote), "4242424242424242");
        eventsProcessed();
        assertThat(paymentsOf(quote)).isEqualTo(1);
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
    }

    @Test
    void three_d_secure_failed_records_nothing_and_approved_pays() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        String checkoutPage = checkOut(quote);
        String challenge = testQuotes.pay(checkoutPage, "4000 0027 6000 3184").headers().firstValue("Location").orElseThrow();
        assertThat(challenge).contains("/sandbox/authenticate/pi_");
        authenticate(challenge, false);
        eventsProcessed();
        assertThat(paymentsOf(quote)).isZero();

        String again = testQuotes.pay(checkOut(quote), "4000 0027 6000 3184").headers().firstValue("Location").orElseThrow();
        HttpResponse<String> approved = authenticate(again, true);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).contains("/paid?session_id=");
        eventsProcessed();
        assertThat(paymentsOf(quote)).isEqualTo(1);
        assertThat(payments.ofQuote(quote.quoteId()).getFirst().fee()).isEqualTo(Money.of("34.81", "EUR"));
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
    }

    @Test
    void a_session_id_of_another_quote_changes_nothing_on_this_quotes_return_page() throws Exception {
        CheckoutTestQuotes.Published paidOne = quote();
        CheckoutTestQuotes.Published other = quote();
        String back = testQuotes.pay(checkOut(paidOne), "4242424242424242").headers().firstValue("Location").orElseThrow();
        String foreign = "/quote/" + other.token() + "/paid?" + back.substring(back.indexOf("session_id="));
        assertThat(get(foreign).statusCode()).isEqualTo(404);
        eventsProcessed();
        assertThat(paymentsOf(other)).isZero();
        assertThat(quotes.get(other.quoteId()).status()).isNotEqualTo(QuoteStatus.PAID);
    }

    private HttpResponse<String> payByDebit(String checkoutPage, String iban) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(checkoutPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=erika%40acme.example&name=Erika+Mustermann&iban=" + iban))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_sepa_debit_shows_as_processing_until_it_settles_and_a_failed_one_is_not_paid() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        String back = payByDebit(checkOut(quote), "DE89370400440532013000").headers().firstValue("Location").orElseThrow();
        assertThat(get(back).body()).contains("payment-processing");
        eventsProcessed();
        PaymentEntry processing = payments.ofQuote(quote.quoteId()).getFirst();
        assertThat(processing.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(processing.method()).isEqualTo("sepa_debit");
        assertThat(quotes.get(quote.quoteId()).status()).isNotEqualTo(QuoteStatus.PAID);

        CheckoutTestQuotes.Published failing = quote();
        payByDebit(checkOut(failing), "DE62370400440532013001");
        sandboxClock.advance(Duration.ofMinutes(4)); // the sandbox settles debits three minutes on
        eventsProcessed();

        PaymentEntry settled = payments.ofQuote(quote.quoteId()).getFirst();
        assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(settled.net()).isEqualTo(Money.of("1155.19", "EUR"));
        assertThat(paymentsOf(quote)).isEqualTo(1);
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
        assertThat(payments.ofQuote(failing.quoteId()).getFirst().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(quotes.get(failing.quoteId()).status()).isNotEqualTo(QuoteStatus.PAID);
    }
}
