package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentResync;
import com.commercehub.payment.PaymentService;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.stripe.StripeEventService;
import com.stripe.param.WebhookEndpointUpdateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing doubled: the sandbox sends every webhook twice and shuffled (as Stripe may), and
 * a payment made while the webhook endpoint was off is recovered by the reconciler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.sandbox.webhooks.shuffle-and-duplicate=true")
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "FINANCE", "ADMIN"})
class ExactlyOnceIT {

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
    StripeEventService events;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentResync resync;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

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

    private CheckoutTestQuotes.Published quote() {
        return testQuotes.publish(spec("EUR", List.of(line("Workshop", "1", "1000.00", null, null, "19", false, null))));
    }

    private void endpointEnabled(boolean enabled) throws Exception {
        String endpoint = jdbc.sql("SELECT webhook_endpoint_id FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        testQuotes.stripe().v1().webhookEndpoints().update(endpoint,
                WebhookEndpointUpdateParams.builder().setDisabled(!enabled).build());
    }

    @Test
    void webhooks_sent_twice_and_shuffled_record_one_payment_one_paid_event_and_one_email() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        testQuotes.pay(flow.checkOut(quote), "4242424242424242");
        flow.eventsProcessed();
        Thread.sleep(1500); // the duplicates come a little later
        flow.eventsProcessed();

        // (The sandbox's switch re-sends each delivery at once and shuffles each batch; see WebhookSender.)
        List<PaymentEntry> recorded = payments.ofQuote(quote.quoteId());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(recorded.getFirst().net()).isEqualTo(Money.of("1155.19", "EUR"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = 'PAID'")
                .param("q", quote.quoteId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'quote.paid'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_payment_made_while_the_webhook_endpoint_was_off_is_recovered_by_the_reconciler() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        String checkoutPage = flow.checkOut(quote);
        endpointEnabled(false);
        try {
            testQuotes.pay(checkoutPage, "4242424242424242"); // the buyer never comes back to the thank-you page
            Thread.sleep(1000);
            assertThat(payments.ofQuote(quote.quoteId())).isEmpty();
        } finally {
            endpointEnabled(true);
        }
        var run = events.reconcileNow().orElseThrow();
        assertThat(run.repaired()).isPositive();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (payments.ofQuote(quote.quoteId()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<PaymentEntry> recovered = payments.ofQuote(quote.quoteId());
        assertThat(recovered).hasSize(1);
        assertThat(recovered.getFirst().fee()).isEqualTo(Money.of("34.81", "EUR"));
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
    }

    @Test
    void a_payment_re_synced_from_stripe_gets_its_missing_fee_and_nothing_doubles() throws Exception {
        CheckoutTestQuotes.Published quote = quote();
        testQuotes.pay(flow.checkOut(quote), "4242424242424242");
        flow.eventsProcessed();
        long id = payments.ofQuote(quote.quoteId()).getFirst().id();
        // As if Stripe had not reported the fee when the payment was recorded.
        jdbc.sql("UPDATE payment SET gross = NULL, fee = NULL, net = NULL, settlement_currency = NULL WHERE id = :id")
                .param("id", id).update();
        PaymentEntry fresh = resync.resync(id);
        assertThat(fresh.fee()).isEqualTo(Money.of("34.81", "EUR"));
        assertThat(fresh.net()).isEqualTo(Money.of("1155.19", "EUR"));
        assertThat(payments.ofQuote(quote.quoteId())).hasSize(1);
    }
}
