package com.commercehub.quote;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductInUseException;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.stripe.StripeConnectionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quotes on the embedded MariaDB, with the built-in Stripe sandbox as the payment processor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class QuoteServiceIT {

    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteSettingsService settings;
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
    StripeConnectionService stripe;
    @Autowired
    ProductService products;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    JdbcClient jdbc;

    private ContactSummary buyer;
    private DealDetails deal;

    @BeforeEach
    void dealWithBuyer() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        QuoteTestData.staff(users, "cora@example.com", Role.ADMIN);
        buyer = QuoteTestData.buyer(companies, contacts, Locale.GERMAN);
        deal = QuoteTestData.dealWithLines(deals, buyer);
        stripe.useSandbox();
    }

    @org.junit.jupiter.api.AfterEach
    void sandboxStaysConnected() {
        // Disconnecting leaves payments not connected for good; other test classes share the database.
        stripe.useSandbox();
    }

    private static String token(QuoteService.Published published) {
        return published.linkPath().substring("/quote/".length());
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_deal_without_line_items_cannot_have_a_quote() {
        DealDetails empty = deals.create(new DealDraft("Empty", null, DealStage.QUALIFIED, Currency.getInstance("EUR"),
                null, Set.of(), null));
        assertThatThrownBy(() -> quotes.createFromDeal(empty.id()))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.problems()).containsEntry("deal", "quote.deal.no-lines"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote").query(Long.class).single()).isZero();
    }

    @Test
    void a_quote_copies_the_deal_and_takes_its_defaults() {
        QuoteDetails quote = quotes.createFromDeal(deal.id());

        assertThat(quote.number()).isEqualTo("Q-1001");
        assertThat(quote.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(quote.title()).isEqualTo("Acme rollout");
        assertThat(quote.owner()).isEqualTo("sam@example.com");
        assertThat(quote.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(quote.contactId()).isEqualTo(buyer.id());
        assertThat(quote.companyName()).isEqualTo("Acme GmbH");
        assertThat(quote.locale()).isEqualTo(Locale.GERMAN);
        assertThat(quote.expiresOn()).isEqualTo(calendar.today().plusDays(30));
        assertThat(quote.lines()).extracting(l -> l.name()).containsExactly("Workshop", "Licence");
        // 2 × 1,200 + 19 % and 99 + 19 %: first payment 2,856.00 + 117.81
        assertThat(quote.totals().firstPayment()).isEqualTo(Money.of("2973.81", "EUR"));
        assertThat(quotes.createFromDeal(deal.id()).number()).isEqualTo("Q-1002");

        // Lines on the quote are the quote's own: the deal is not changed by editing them.
        quotes.removeLine(quote.id(), quote.version(), 0);
        assertThat(deals.get(deal.id()).lines()).hasSize(2);
    }

    @Test
    void numbering_and_defaults_come_from_the_settings() {
        QuoteSettings current = settings.get();
        assertThatThrownBy(() -> settings.update(current.version(), "Q-", 5, 30, null))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.problems()).containsEntry("nextNumber", "quote.settings.next-number-backwards"));
        assertThatThrownBy(() -> settings.update(current.version(), "bad prefix!", 1001, 0, null))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.problems())
                        .containsEntry("prefix", "quote.settings.prefix-invalid")
                        .containsEntry("expiryDays", "quote.settings.expiry-range"));

        settings.update(current.version(), "ACME-2026/", 5000, 14, "Payable within 14 days.");
        QuoteDetails quote = quotes.createFromDeal(deal.id());
        assertThat(quote.number()).isEqualTo("ACME-2026/5000");
        assertThat(quote.expiresOn()).isEqualTo(calendar.today().plusDays(14));
        assertThat(quote.purchaseTerms()).isEqualTo("Payable within 14 days.");
    }

    @Test
    void publishing_freezes_the_content_and_recalling_takes_the_link_down() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        QuoteService.Published first = quotes.publish(draft.id(), draft.version());
        QuoteDetails published = first.quote();
        assertThat(published.status()).isEqualTo(QuoteStatus.PUBLISHED);
        assertThat(published.publishedVersion()).isEqualTo(1);
        assertThat(token(first)).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        assertThat(quotes.buyerLink(draft.id())).contains(first.linkPath());
        // Only the token's hash is stored, never the token.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote_version WHERE token_hash = :t OR token_sealed = :t OR content LIKE :like")
                .param("t", token(first)).param("like", "%" + token(first) + "%").query(Long.class).single()).isZero();

        assertThatThrownBy(() -> quotes.removeLine(published.id(), published.version(), 0))
                .isInstanceOfSatisfying(QuoteTransitionException.class, e -> assertThat(e.messageKey()).isEqualTo("quote.frozen"));

        BuyerQuote seen = lifecycle.openByBuyer(token(first), true).orElseThrow();
        assertThat(seen.status()).isEqualTo(QuoteStatus.VIEWED);
        assertThat(seen.content().lines()).hasSize(2);
        assertThat(seen.content().buyerEmail()).isEqualTo("erika@acme.example");
        assertThat(seen.content().totals().firstPayment()).isEqualTo(Money.of("2973.81", "EUR"));

        QuoteDetails recalled = quotes.recall(published.id(), quotes.get(published.id()).version());
        assertThat(recalled.status()).isEqualTo(QuoteStatus.RECALLED);
        // The recalled link now tells the buyer the quote is being revised.
        assertThat(lifecycle.openByBuyer(token(first), true).orElseThrow().standing())
                .isEqualTo(BuyerQuote.Standing.REVISING);
        assertThat(quotes.buyerLink(draft.id())).isEmpty();

        QuoteDetails edited = quotes.removeLine(recalled.id(), recalled.version(), 1);
        QuoteService.Published second = quotes.publish(edited.id(), edited.version());
        assertThat(second.quote().publishedVersion()).isEqualTo(2);
        assertThat(second.linkPath()).isNotEqualTo(first.linkPath());
        assertThat(lifecycle.openByBuyer(token(second), true).orElseThrow().content().lines()).hasSize(1);
        // The first link says it was replaced, and where the current version is.
        BuyerQuote old = lifecycle.openByBuyer(token(first), true).orElseThrow();
        assertThat(old.standing()).isEqualTo(BuyerQuote.Standing.REPLACED);
        assertThat(old.currentVersion().linkPath()).isEqualTo(second.linkPath());
        // The first version stays as it was published.
        assertThat(quotes.publishedContent(draft.id(), 1).orElseThrow().lines()).hasSize(2);
        assertThat(quotes.page(new QuoteFilter("", null, null, null, null), PageRequest.of(0, 10)))
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(QuoteStatus.VIEWED);
                    assertThat(row.publishedVersion()).isEqualTo(2);
                    assertThat(row.amount()).isEqualTo(Money.of("2856.00", "EUR"));
                });
    }

    @Test
    void a_quote_without_a_buyer_or_lines_is_not_published() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        draft = quotes.updateHeader(draft.id(), draft.version(), new QuoteHeaderDraft("Rollout", draft.expiresOn(),
                Locale.ENGLISH, null, "sam@example.com", null, null));
        draft = quotes.removeLine(draft.id(), draft.version(), 0);
        draft = quotes.removeLine(draft.id(), draft.version(), 0);
        long version = draft.version();
        long id = draft.id();
        assertThatThrownBy(() -> quotes.publish(id, version))
                .isInstanceOfSatisfying(QuotePublishException.class, e -> assertThat(e.problems())
                        .extracting(PaymentStepRules.Finding::messageKey)
                        .containsExactlyInAnyOrder("quote.publish.no-lines", "quote.publish.no-buyer"));
        assertThat(quotes.get(id).status()).isEqualTo(QuoteStatus.DRAFT);
    }

    @Test
    void header_fields_are_checked_and_saved() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        long id = draft.id();
        long version = draft.version();
        assertThatThrownBy(() -> quotes.updateHeader(id, version, new QuoteHeaderDraft(" ", calendar.today().minusDays(1),
                Locale.JAPANESE, 424242L, "nobody@example.com", null, null)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.problems().keySet())
                        .containsExactlyInAnyOrder("title", "expiresOn", "locale", "contact", "owner"));

        QuoteDetails saved = quotes.updateHeader(id, version, new QuoteHeaderDraft("Acme rollout — phase 1",
                calendar.today().plusDays(10), Locale.of("da"), buyer.id(), "cora@example.com", "Hej Erika",
                "Net 30"));
        assertThat(saved.title()).isEqualTo("Acme rollout — phase 1");
        assertThat(saved.locale()).isEqualTo(Locale.of("da"));
        assertThat(saved.owner()).isEqualTo("cora@example.com");
        assertThat(saved.comments()).isEqualTo("Hej Erika");
        assertThat(quotes.get(id).purchaseTerms()).isEqualTo("Net 30");
    }

    @Test
    void the_server_refuses_illegal_transitions() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        assertThatThrownBy(() -> quotes.recall(draft.id(), draft.version())).isInstanceOf(QuoteTransitionException.class);

        QuoteDetails signed = quotes.setSignature(draft.id(), draft.version(), true, "cora@example.com");
        assertThat(signed.countersigner()).isEqualTo("cora@example.com");
        QuoteService.Published published = quotes.publish(signed.id(), signed.version());
        // Payment before the required signature is refused.
        assertThatThrownBy(() -> lifecycle.recordPayment(draft.id(), 1)).isInstanceOf(QuoteTransitionException.class);
        assertThat(lifecycle.signByBuyer(token(published), new BuyerSignatureInput("Erika Mustermann",
                "erika@acme.example", true, null, true, "127.0.0.1", "JUnit")).status()).isEqualTo(QuoteStatus.SIGNED);
        // A signature cannot be recalled.
        long version = quotes.get(draft.id()).version();
        assertThatThrownBy(() -> quotes.recall(draft.id(), version)).isInstanceOf(QuoteTransitionException.class);
        lifecycle.recordPayment(draft.id(), 1);
        lifecycle.recordPayment(draft.id(), 1); // a repeated payment notice changes nothing
        assertThat(quotes.get(draft.id()).status()).isEqualTo(QuoteStatus.PAID);
        assertThat(jdbc.sql("SELECT status FROM quote_event WHERE quote = :id ORDER BY id").param("id", draft.id())
                .query(String.class).list()).containsExactly("PUBLISHED", "SIGNED", "PAID");
    }

    @Test
    void an_overdue_quote_expires_and_its_link_says_so() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        QuoteService.Published published = quotes.publish(draft.id(), draft.version());
        QuoteDetails other = quotes.createFromDeal(deal.id());
        quotes.publish(other.id(), other.version());
        jdbc.sql("UPDATE quote SET expires_on = :yesterday WHERE id = :id")
                .param("yesterday", java.sql.Date.valueOf(calendar.today().minusDays(1))).param("id", draft.id()).update();

        assertThat(quotes.count(new QuoteFilter("", null, null, null, 7))).isEqualTo(0);
        assertThat(quotes.count(new QuoteFilter("", null, null, null, 31))).isEqualTo(1);

        assertThat(lifecycle.expireDue()).isEqualTo(1);
        assertThat(lifecycle.expireDue()).isZero();
        assertThat(quotes.get(draft.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(quotes.get(other.id()).status()).isEqualTo(QuoteStatus.PUBLISHED);
        assertThat(lifecycle.openByBuyer(token(published), true).orElseThrow().status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(quotes.count(new QuoteFilter("", QuoteStatus.EXPIRED, null, null, null))).isEqualTo(1);
    }

    @Test
    void advancing_the_sandbox_clock_past_the_expiry_date_expires_the_quote_at_once() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        QuoteService.Published published = quotes.publish(draft.id(), draft.version());
        LocalDate before = calendar.today();

        sandboxClock.advance(java.time.Duration.ofDays(31));

        assertThat(calendar.today()).isEqualTo(before.plusDays(31));
        assertThat(quotes.get(draft.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(lifecycle.openByBuyer(token(published), true).orElseThrow().status()).isEqualTo(QuoteStatus.EXPIRED);
        // A quote made now expires 30 days after the moved date.
        assertThat(quotes.createFromDeal(deal.id()).expiresOn()).isEqualTo(before.plusDays(61));
    }

    @Test
    void payment_is_collected_only_through_a_ready_account_and_within_stripes_rules() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        assertThat(draft.payment().processorReady()).isTrue();
        draft = quotes.setCollectPayment(draft.id(), draft.version(), true);
        // Workshop (one-time) + monthly licence: allowed, with the renewal warning.
        assertThat(draft.payment().rules().violations()).isEmpty();
        assertThat(draft.payment().rules().warnings()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.renewals-3ds");

        draft = quotes.addLine(draft.id(), draft.version(), QuoteTestData.line("Support", "49.00",
                BillingFrequency.YEARLY, 12));
        draft = quotes.addLine(draft.id(), draft.version(), QuoteTestData.line("Goodwill", "0.00", null, null));
        assertThat(draft.payment().rules().violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactlyInAnyOrder("builder.payment.line-frequency", "quote.payment.recurring-term",
                        "quote.payment.line-not-positive");
        long id = draft.id();
        long version = draft.version();
        assertThatThrownBy(() -> quotes.publish(id, version)).isInstanceOfSatisfying(QuotePublishException.class,
                e -> assertThat(e.problems()).hasSize(3));

        draft = quotes.removeLine(id, version, 3);
        draft = quotes.removeLine(id, draft.version(), 2);
        assertThat(quotes.publish(id, draft.version()).quote().status()).isEqualTo(QuoteStatus.PUBLISHED);

        stripe.disconnect();
        QuoteDetails another = quotes.createFromDeal(deal.id());
        assertThat(another.payment().processorReady()).isFalse();
        assertThatThrownBy(() -> quotes.setCollectPayment(another.id(), another.version(), true))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.problems()).containsEntry("payment", "quote.payment.not-ready"));
    }

    @Test
    void stripe_takes_one_quote_discount_and_amounts_within_its_limits() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        draft = quotes.setCollectPayment(draft.id(), draft.version(), true);
        draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Loyalty",
                Adjustment.Kind.PERCENT, new BigDecimal("5"));
        assertThat(draft.payment().rules().violations()).isEmpty();
        draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Launch",
                Adjustment.Kind.AMOUNT, new BigDecimal("100.00"));
        // An amount off cannot repeat right on renewals when one-time and recurring lines share it.
        assertThat(draft.payment().rules().violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.one-discount", "quote.payment.amount-discount-renewals");
        // 5 % of 2,499.00 = 124.95 and 100.00 off, spread over both lines before their 19 % tax.
        assertThat(draft.totals().quoteDiscount()).isEqualTo(Money.of("224.95", "EUR"));

        draft = quotes.removeAdjustment(draft.id(), draft.version(), 1);
        // With the 5 % (124.95), all but 0.20 of 2,499.00 is off: about 0.24 with tax is due, under Stripe's
        // EUR minimum of 0.50.
        draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Almost all",
                Adjustment.Kind.AMOUNT, new BigDecimal("2373.85"));
        assertThat(draft.totals().quoteDiscount()).isEqualTo(Money.of("2498.80", "EUR"));
        assertThat(draft.totals().firstPayment().amount()).isBetween(new BigDecimal("0.20"), new BigDecimal("0.25"));
        assertThat(draft.payment().rules().violations()).extracting(PaymentStepRules.Finding::messageKey)
                .contains("quote.payment.one-discount", "quote.payment.below-minimum");
    }

    @Test
    void a_product_on_a_quote_only_is_archived_not_deleted() {
        ProductDetails product = products.create(ProductTestData.oneTime("Audit", "AUD-1", "800.00", "EUR"));
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        quotes.addProduct(draft.id(), draft.version(), product.id(), BigDecimal.ONE);

        assertThatThrownBy(() -> products.delete(product.id(), product.version()))
                .isInstanceOfSatisfying(ProductInUseException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("product.in-use.quotes");
                    assertThat(e.uses()).isEqualTo(1);
                });
        assertThat(quotes.get(draft.id()).lines().getLast().productId()).isEqualTo(product.id());
    }

    @Test
    void concurrent_edits_of_one_version_let_exactly_one_through() throws Exception {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        List<Callable<QuoteDetails>> edits = new ArrayList<>();
        edits.add(() -> quotes.changeQuantity(draft.id(), draft.version(), 0, new BigDecimal("5")));
        edits.add(() -> quotes.changeQuantity(draft.id(), draft.version(), 0, new BigDecimal("7")));
        List<Object> outcomes = runTogether(edits);

        assertThat(outcomes).filteredOn(o -> o instanceof QuoteDetails).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof OptimisticLockingFailureException).hasSize(1);
        QuoteDetails winner = (QuoteDetails) outcomes.stream().filter(o -> o instanceof QuoteDetails).findFirst().orElseThrow();
        assertThat(quotes.get(draft.id()).lines().getFirst().quantity()).isEqualByComparingTo(winner.lines().getFirst().quantity());
        assertThat(quotes.get(draft.id()).version()).isEqualTo(draft.version() + 1);
    }

    @Test
    void quotes_created_at_the_same_time_get_consecutive_numbers() throws Exception {
        List<Callable<QuoteDetails>> creations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creations.add(() -> quotes.createFromDeal(deal.id()));
        }
        List<Object> outcomes = runTogether(creations);
        assertThat(outcomes).allMatch(o -> o instanceof QuoteDetails);
        assertThat(outcomes).extracting(o -> ((QuoteDetails) o).number())
                .containsExactlyInAnyOrder("Q-1001", "Q-1002", "Q-1003", "Q-1004", "Q-1005", "Q-1006");
    }

    @Test
    void duplicating_makes_a_new_draft_with_the_same_content() {
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Loyalty",
                Adjustment.Kind.PERCENT, new BigDecimal("10"));
        QuoteService.Published published = quotes.publish(draft.id(), draft.version());

        QuoteDetails copy = quotes.duplicate(draft.id());
        assertThat(copy.id()).isNotEqualTo(draft.id());
        assertThat(copy.number()).isEqualTo("Q-1002");
        assertThat(copy.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(copy.publishedVersion()).isZero();
        assertThat(copy.lines()).isEqualTo(published.quote().lines());
        assertThat(copy.adjustments()).isEqualTo(published.quote().adjustments());
        assertThat(copy.totals()).isEqualTo(published.quote().totals());
    }

    /** Runs the calls on separate threads as the test's user, released at once; results or exceptions. */
    private static <T> List<Object> runTogether(List<Callable<T>> calls) throws Exception {
        SecurityContext context = SecurityContextHolder.getContext();
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.setContext(context);
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
