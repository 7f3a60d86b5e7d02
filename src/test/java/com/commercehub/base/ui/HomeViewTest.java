package com.commercehub.base.ui;

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
import com.commercehub.payment.Settlement;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteHeaderDraft;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The start page per role: the rep's open quotes and buyer activity, finance's payments, the empty state. */
class HomeViewTest extends KaribuTest {

    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteLifecycle lifecycle;
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

    private String rep;

    @BeforeEach
    void aRep() {
        QuoteTestData.clear(jdbc);
        rep = "home-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        QuoteTestData.staff(users, rep, Role.SALES);
    }

    private HomeView home() {
        navigate("");
        return _get(HomeView.class);
    }

    private static List<String> rows(HomeView view, String sectionClass) {
        return view.sections.getChildren().filter(c -> c.hasClassName(sectionClass)).findFirst()
                .map(section -> _find(section, ListItem.class).stream()
                        .map(item -> item.getElement().getTextRecursively()).toList())
                .orElse(List.of());
    }

    private static boolean has(HomeView view, String sectionClass) {
        return view.sections.getChildren().anyMatch(c -> c.hasClassName(sectionClass));
    }

    @Test
    void a_rep_with_nothing_yet_sees_the_empty_state_only() {
        login(rep, Role.SALES);
        HomeView view = home();
        assertThat(view.sections.getChildren().toList()).isEmpty();
        assertThat(view.emptyState.isVisible()).isTrue();
    }

    @Test
    void the_rep_sees_open_quotes_expiring_soonest_first_and_what_buyers_did() {
        login(rep, Role.SALES);
        DealDetails deal = QuoteTestData.dealWithLines(deals, QuoteTestData.buyer(companies, contacts, Locale.ENGLISH));
        QuoteDetails later = quotes.createFromDeal(deal.id());
        QuoteDetails sooner = quotes.createFromDeal(deal.id());
        sooner = quotes.updateHeader(sooner.id(), sooner.version(), new QuoteHeaderDraft("Soon", LocalDate.now().plusDays(2),
                Locale.ENGLISH, sooner.contactId(), sooner.owner(), null, null));
        var published = quotes.publish(sooner.id(), sooner.version());
        lifecycle.openByBuyer(published.linkPath().substring("/quote/".length()), true);

        HomeView view = home();
        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(rows(view, "home-open-quotes")).hasSize(2);
        assertThat(rows(view, "home-open-quotes").getFirst()).startsWith(sooner.number() + " · Soon — Viewed · expires ");
        assertThat(rows(view, "home-open-quotes").get(1)).startsWith(later.number() + " · Acme rollout — Draft · draft");
        assertThat(rows(view, "home-buyer-activity")).singleElement().asString()
                .startsWith(sooner.number() + " · Soon — Viewed by the buyer · ");
        assertThat(has(view, "home-recent-payments")).isFalse();
    }

    /** A payment on one of the rep's deals and one on someone else's. */
    private void paymentsOfTwoOwners() {
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        transactions.executeWithoutResult(tx -> {
            long mine = deal(rep);
            long theirs = deal("someone-" + key + "@example.com");
            paid("h" + key, mine, Money.of("100.00", "EUR"));
            paid("i" + key, theirs, Money.of("70.00", "EUR"));
        });
    }

    @Test
    void finance_sees_recent_payments() {
        paymentsOfTwoOwners();
        login("fin-" + UUID.randomUUID() + "@example.com", Role.FINANCE);
        HomeView finance = home();
        assertThat(has(finance, "home-recent-payments")).isTrue();
        assertThat(finance.emptyState.isVisible()).isFalse();
    }

    @Test
    void sales_sees_only_the_payments_of_their_own_deals() {
        paymentsOfTwoOwners();
        login(rep, Role.SALES);
        HomeView sales = home();
        Component panel = sales.sections.getChildren().filter(c -> c.hasClassName("home-recent-payments"))
                .findFirst().orElseThrow();
        var grid = _get(panel, com.commercehub.payment.ui.PaymentsGrid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0).amount()).isEqualTo(Money.of("100.00", "EUR"));
    }

    private long deal(String who) {
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO deal (name, owner, stage, currency, created_at, updated_at) VALUES ('Deal', :o, 'QUALIFIED', 'EUR', :t, :t)")
                .param("o", who).param("t", now).update();
        return jdbc.sql("SELECT MAX(id) FROM deal WHERE owner = :o").param("o", who).query(Long.class).single();
    }

    private void paid(String k, long deal, Money amount) {
        records.record(new PaymentFacts("acct_home", "pi_" + k, null, null, deal, null, null, null, "cs_" + k, "pi_" + k,
                null, "ch_" + k, "card", PaymentStatus.SUCCEEDED, amount,
                new Settlement("txn_" + k, amount, Money.of("1.00", "EUR"), amount.minus(Money.of("1.00", "EUR")), null),
                null, null, Instant.now()));
    }
}
