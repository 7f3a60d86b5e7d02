package com.commercehub.payment.ui;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.RefundFacts;
import com.commercehub.payment.Settlement;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The deal page lists the deal's payments with Stripe's gross, fee and net, refunds taken off the net. */
class PaymentsOnDealTest extends KaribuTest {

    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    PaymentRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private DealDetails deal;

    @BeforeEach
    void aDealWithAPayment() {
        QuoteTestData.clear(jdbc);
        jdbc.sql("DELETE FROM payment").update();
        QuoteTestData.staff(users, "fin@example.com", Role.FINANCE);
        login("fin@example.com", Role.FINANCE);
        deal = com.commercehub.testsupport.AsAdmin.call(() ->
                QuoteTestData.dealWithLines(deals, QuoteTestData.buyer(companies, contacts, Locale.ENGLISH)));
    }

    @Test
    void finance_sees_gross_fee_and_net_after_refunds_on_the_deal_page() {
        transactions.executeWithoutResult(tx -> {
            records.record(new PaymentFacts("acct_test", "pi_1", null, null, deal.id(), null, null, null, "cs_1",
                    "pi_1", null, "ch_1", "card", PaymentStatus.SUCCEEDED, Money.of("100.00", "EUR"),
                    new Settlement("txn_1", Money.of("100.00", "EUR"), Money.of("3.20", "EUR"), Money.of("96.80", "EUR"), null),
                    null, null, Instant.parse("2026-12-01T10:00:00Z")));
            // A late "processing" changes nothing; a partial refund takes 20 off the net.
            records.record(new PaymentFacts("acct_test", "pi_1", null, null, deal.id(), null, null, null, null,
                    "pi_1", null, "ch_1", null, PaymentStatus.PROCESSING, Money.of("100.00", "EUR"), null, null, null, null));
            records.refunds("acct_test", "ch_1", List.of(new RefundFacts("re_1", Money.of("20.00", "EUR"), "succeeded", null)));
        });

        navigate("deals/" + deal.id());
        PaymentsGrid grid = _get(PaymentsOnDeal.Panel.class).grid;
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("€100.00", "€3.20", "€76.80", "€20.00", "Card");
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void a_deal_without_payments_says_so() {
        navigate("deals/" + deal.id());
        PaymentsGrid grid = _get(PaymentsOnDeal.Panel.class).grid;
        assertThat(GridKt._size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo("No payments yet.");
    }
}
