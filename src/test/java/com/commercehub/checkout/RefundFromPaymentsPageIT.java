package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.dashboard.PaymentDetails;
import com.commercehub.dashboard.PaymentsPageService;
import com.commercehub.dashboard.RefundRejectedException;
import com.commercehub.dashboard.SyncState;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finance refunds part of a real sandbox payment from the payments page: one refund at Stripe however often
 * the request is repeated (idempotency key), recorded when the webhook confirms it — with the refund in the
 * rollups, the event in the drawer's history — and a re-sync leaving the payment in step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class RefundFromPaymentsPageIT {

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
    PaymentsPageService pages;
    @Autowired
    com.commercehub.dashboard.Reconciliation reconciliation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    SandboxApiKey sandboxKey;
    @LocalServerPort
    int port;

    private CheckoutTestQuotes testQuotes;
    private PaymentFlow flow;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        flow = new PaymentFlow(jdbc, port);
    }

    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_partial_refund_is_sent_once_and_recorded_when_stripe_confirms_it() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR",
                List.of(line("Workshop", "1", "1000.00", null, null, "19", false, null))));
        testQuotes.pay(flow.checkOut(quote), "4242 4242 4242 4242");
        flow.eventsProcessed();
        long payment = jdbc.sql("SELECT id FROM payment WHERE quote = :q").param("q", quote.quoteId())
                .query(Long.class).single();

        assertThatThrownBy(() -> pages.refund(payment, Money.of("1190.01", "EUR"), "too much"))
                .isInstanceOf(RefundRejectedException.class);
        String refund = pages.refund(payment, Money.of("190.00", "EUR"), "Workshop shortened");
        assertThat(pages.refund(payment, Money.of("190.00", "EUR"), "Workshop shortened"))
                .as("the same request again: the same refund").isEqualTo(refund);
        flow.eventsProcessed();

        PaymentDetails details = pages.details(payment);
        assertThat(details.row().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(details.row().refunded()).isEqualTo(Money.of("190.0000", "EUR"));
        assertThat(details.refunds()).extracting(PaymentDetails.Refund::refundId).containsExactly(refund);
        assertThat(details.events()).extracting(PaymentDetails.Event::type).contains("charge.refunded");
        assertThat(jdbc.sql("SELECT amount FROM rollup_refund_applied WHERE refund_id = :r").param("r", refund)
                .query(BigDecimal.class).single()).isEqualByComparingTo("190");
        assertThat(jdbc.sql("SELECT net FROM rollup_payment_applied WHERE payment = :p").param("p", payment)
                .query(BigDecimal.class).single()).isEqualByComparingTo("1155.19");

        assertThat(pages.resync(payment).sync()).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void reconciliation_lists_a_payment_that_differs_from_stripe_until_it_is_re_synced() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR",
                List.of(line("Audit", "1", "500.00", null, null, "19", false, null))));
        testQuotes.pay(flow.checkOut(quote), "4242 4242 4242 4242");
        flow.eventsProcessed();
        long payment = jdbc.sql("SELECT id FROM payment WHERE quote = :q").param("q", quote.quoteId())
                .query(Long.class).single();
        java.time.LocalDate day = jdbc.sql("SELECT DATE(booked_at) FROM payment WHERE id = :p").param("p", payment)
                .query(java.sql.Date.class).single().toLocalDate();
        com.commercehub.dashboard.Period period = new com.commercehub.dashboard.Period(day, day);

        assertThat(reconciliation.compare(period).differences())
                .noneMatch(d -> Long.valueOf(payment).equals(d.paymentId()));

        // our record drifts (as if an event had been lost): the fee no longer matches Stripe's balance transaction
        jdbc.sql("UPDATE payment SET fee = fee + 1, net = net - 1 WHERE id = :p").param("p", payment).update();
        var report = reconciliation.compare(period);
        assertThat(report.differences()).filteredOn(d -> Long.valueOf(payment).equals(d.paymentId()))
                .singleElement().satisfies(d -> assertThat(d.reason()).contains("Stripe says"));
        assertThat(report.days()).filteredOn(d -> d.currency().equals("EUR")).anyMatch(d -> !d.matches());
        assertThat(pages.details(payment).row().sync()).isEqualTo(SyncState.DRIFTED);

        jdbc.sql("UPDATE payment SET net = NULL WHERE id = :p").param("p", payment).update();
        assertThat(pages.resync(payment).sync()).isEqualTo(SyncState.SYNCED);
        assertThat(reconciliation.compare(period).differences())
                .noneMatch(d -> Long.valueOf(payment).equals(d.paymentId()));
    }
}
