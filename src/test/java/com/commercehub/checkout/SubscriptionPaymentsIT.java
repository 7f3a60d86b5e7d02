package com.commercehub.checkout;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
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
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring quotes after checkout, through the real webhook path: the subscription and one payment per
 * period (renewals by the sandbox clock, taxed), a failed renewal (past due, the buyer and the owner
 * told, paid later → active), and refunds and disputes reflected on the payment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class SubscriptionPaymentsIT {

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
    SandboxClockService sandboxClock;
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

    /** A €1,000 set-up (one-time) and a €99 monthly licence, both with 19 % tax: €1,307.81 now, €117.81 a month. */
    private CheckoutTestQuotes.Published subscribed() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Set-up", "1", "1000.00", null, null, "19", false, null),
                line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.MONTHLY))));
        testQuotes.pay(flow.checkOut(quote), "4242424242424242");
        flow.eventsProcessed();
        return quote;
    }

    private List<PaymentEntry> paymentsOldestFirst(CheckoutTestQuotes.Published quote) {
        return payments.ofQuote(quote.quoteId()).stream().sorted(Comparator.comparing(PaymentEntry::id)).toList();
    }

    private Map<String, Object> subscriptionRow(CheckoutTestQuotes.Published quote) {
        return jdbc.sql("SELECT * FROM subscription WHERE quote = :q").param("q", quote.quoteId()).query().singleRow();
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_recurring_quote_becomes_a_subscription_whose_renewals_are_recorded_with_tax() throws Exception {
        CheckoutTestQuotes.Published quote = subscribed();
        Map<String, Object> subscription = subscriptionRow(quote);
        assertThat(subscription.get("status")).isEqualTo("active");
        assertThat(subscription.get("billing_interval")).isEqualTo("month");
        assertThat(Money.of((java.math.BigDecimal) subscription.get("period_amount"), "EUR")).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(subscription.get("contact")).isEqualTo(quote.contactId());

        PaymentEntry first = paymentsOldestFirst(quote).getFirst();
        assertThat(first.amount()).isEqualTo(Money.of("1307.81", "EUR"));
        assertThat(first.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(first.fee().amount().signum()).isPositive();
        assertThat(first.net()).isEqualTo(first.gross().minus(first.fee()));
        assertThat(first.subscriptionPeriod()).isTrue();
        assertThat(quotes.get(quote.quoteId()).status()).isEqualTo(QuoteStatus.PAID);
        assertThat(deals.get(first.dealId()).stage()).isEqualTo(DealStage.CLOSED_WON);

        sandboxClock.advance(Duration.ofDays(32));
        flow.eventsProcessed();
        List<PaymentEntry> all = paymentsOldestFirst(quote);
        assertThat(all).hasSize(2);
        PaymentEntry renewal = all.get(1);
        // The renewal is taxed as the quote shows: €99 + 19 %.
        assertThat(renewal.amount()).isEqualTo(Money.of("117.81", "EUR"));
        assertThat(renewal.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(renewal.net()).isEqualTo(renewal.gross().minus(renewal.fee()));
        assertThat(renewal.invoiceId()).isNotEqualTo(first.invoiceId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'quote.paid'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_failed_renewal_makes_the_subscription_past_due_tells_buyer_and_owner_and_a_later_payment_reactivates() throws Exception {
        CheckoutTestQuotes.Published quote = subscribed();
        String subscriptionId = (String) subscriptionRow(quote).get("stripe_subscription_id");
        testQuotes.stripe().v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                .setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());

        sandboxClock.advance(Duration.ofDays(32));
        flow.eventsProcessed();
        assertThat(subscriptionRow(quote).get("status")).isEqualTo("past_due");
        PaymentEntry failed = paymentsOldestFirst(quote).getLast();
        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(jdbc.sql("SELECT recipient FROM email_outbox WHERE kind = 'subscription.payment-failed'")
                .query(String.class).list()).containsExactly(quote.email());
        assertThat(jdbc.sql("SELECT recipient FROM email_outbox WHERE kind = 'subscription.payment-failed.owner'")
                .query(String.class).list()).containsExactly("sam@example.com");
        // The e-mail's link opens Stripe's billing portal for this customer.
        var portal = flow.get("/quote/" + quote.token() + "/billing");
        assertThat(portal.statusCode()).isEqualTo(303);
        assertThat(portal.headers().firstValue("Location").orElseThrow()).contains("/sandbox/portal/");

        testQuotes.stripe().v1().invoices().pay(failed.invoiceId(), InvoicePayParams.builder().setPaymentMethod("pm_card_visa").build());
        flow.eventsProcessed();
        assertThat(subscriptionRow(quote).get("status")).isEqualTo("active");
        assertThat(paymentsOldestFirst(quote).getLast().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paymentsOldestFirst(quote)).hasSize(2);
    }

    @Test
    void refunds_and_disputes_are_reflected_on_the_payment() throws Exception {
        CheckoutTestQuotes.Published quote = subscribed();
        PaymentEntry paid = paymentsOldestFirst(quote).getFirst();
        var client = testQuotes.stripe();
        client.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.chargeId()).setAmount(10_000L).build());
        flow.eventsProcessed();
        PaymentEntry partly = paymentsOldestFirst(quote).getFirst();
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refunded()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(partly.netAfterRefunds()).isEqualTo(paid.net().minus(Money.of("100.00", "EUR")));

        client.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.chargeId()).build());
        flow.eventsProcessed();
        assertThat(paymentsOldestFirst(quote).getFirst().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(paymentsOldestFirst(quote).getFirst().refunded()).isEqualTo(Money.of("1307.81", "EUR"));
    }

    @Test
    void a_dispute_is_shown_and_its_outcome_too_and_the_owner_is_told() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Workshop", "1", "500.00", null, null, "19", false, null))));
        testQuotes.pay(flow.checkOut(quote), "4000000000000259"); // Stripe's card that is disputed after paying
        flow.eventsProcessed();
        PaymentEntry disputed = payments.ofQuote(quote.quoteId()).getFirst();
        assertThat(disputed.status()).isEqualTo(PaymentStatus.DISPUTED);

        String disputeId = testQuotes.stripe().v1().disputes().list(com.stripe.param.DisputeListParams.builder()
                .setPaymentIntent(disputed.paymentIntentId()).build()).getData().getFirst().getId();
        testQuotes.stripe().v1().disputes().update(disputeId, com.stripe.param.DisputeUpdateParams.builder()
                .setEvidence(com.stripe.param.DisputeUpdateParams.Evidence.builder().setUncategorizedText("losing_evidence").build())
                .build());
        flow.eventsProcessed();
        assertThat(payments.ofQuote(quote.quoteId()).getFirst().status()).isEqualTo(PaymentStatus.DISPUTE_LOST);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE kind = 'payment.dispute'").query(Long.class).single())
                .isEqualTo(2);
    }
}
