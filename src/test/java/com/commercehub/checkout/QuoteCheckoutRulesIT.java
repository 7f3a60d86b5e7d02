package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteNotPayableException;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the server refuses and what it makes only once: one open session per version under concurrency,
 * expired sessions replaced, the buyer's Stripe customer found or made once, typed refusals that leave
 * nothing at Stripe, and no session offered when Stripe would charge another amount.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class QuoteCheckoutRulesIT {

    @Autowired
    QuoteCheckout checkout;
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
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private CheckoutTestQuotes testQuotes;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
    }

    private static CheckoutTestQuotes.Spec simple() {
        return spec("EUR", List.of(line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.MONTHLY),
                line("Onboarding", "1", "500.00", null, null, "19", false, null)));
    }

    @Test
    void concurrent_checkouts_of_one_version_get_the_same_session_and_one_customer() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        long before = CheckoutTestQuotes.sessionsInSandbox(jdbc);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> urls = new ArrayList<>();
        try (ExecutorService buyers = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                urls.add(buyers.submit((Callable<String>) () -> {
                    start.await();
                    return checkout.start(quote.token());
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> url : urls) {
                answers.add(url.get());
            }
            assertThat(answers).containsOnly(answers.getFirst());
        }

        assertThat(CheckoutTestQuotes.sessionsInSandbox(jdbc)).isEqualTo(before + 1);
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'customer'
                          AND JSON_VALUE(body, '$.email') = :email""")
                .param("email", quote.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_expired_session_is_replaced_by_a_new_open_one() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        String first = checkout.start(quote.token());
        assertThat(checkout.start(quote.token())).isEqualTo(first);

        testQuotes.stripe().v1().checkout().sessions().expire(CheckoutTestQuotes.sessionId(first));
        String second = checkout.start(quote.token());

        assertThat(second).isNotEqualTo(first);
        assertThat(CheckoutTestQuotes.openSessions(jdbc, quote)).containsExactly(CheckoutTestQuotes.sessionId(second));
        assertThat(checkout.start(quote.token())).isEqualTo(second);
        assertThat(jdbc.sql("SELECT attempt FROM quote_checkout WHERE quote = :quote").param("quote", quote.quoteId())
                .query(Integer.class).single()).isEqualTo(2);
    }

    private void refused(String token, QuoteNotPayableException.Reason reason) {
        long before = CheckoutTestQuotes.sessionsInSandbox(jdbc);
        assertThatThrownBy(() -> checkout.start(token)).isInstanceOfSatisfying(QuoteNotPayableException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(CheckoutTestQuotes.sessionsInSandbox(jdbc)).as("sessions made at Stripe").isEqualTo(before);
    }

    @Test
    void an_expired_quote_cannot_be_checked_out() {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        jdbc.sql("UPDATE quote SET expires_on = DATE_SUB(expires_on, INTERVAL 60 DAY) WHERE id = :id")
                .param("id", quote.quoteId()).update();

        refused(quote.token(), QuoteNotPayableException.Reason.EXPIRED);
        assertThat(quotes.get(quote.quoteId()).status()).hasToString("EXPIRED");
    }

    @Test
    void a_recalled_quote_cannot_be_checked_out() {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        quotes.recall(quote.quoteId(), quote.quoteVersion());

        refused(quote.token(), QuoteNotPayableException.Reason.RECALLED);
    }

    @Test
    void a_replaced_version_cannot_be_checked_out_but_the_new_one_can() {
        CheckoutTestQuotes.Published old = testQuotes.publish(simple());
        CheckoutTestQuotes.Published current = testQuotes.republish(old);

        refused(old.token(), QuoteNotPayableException.Reason.REPLACED);
        assertThat(checkout.start(current.token())).contains("/sandbox/checkout/cs_test_");
    }

    @Test
    void a_quote_asking_for_a_signature_is_checked_out_only_once_signed() {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple().withSignature());

        refused(quote.token(), QuoteNotPayableException.Reason.SIGNATURE_REQUIRED);
        lifecycle.signByBuyer(quote.token(), new com.commercehub.quote.BuyerSignatureInput("Erika Mustermann",
                "erika@acme.example", true, null, true, "127.0.0.1", "JUnit"));
        assertThat(checkout.start(quote.token())).contains("/sandbox/checkout/cs_test_");
    }

    @Test
    void a_quote_without_online_payment_and_an_unknown_link_are_refused() {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple().withoutPayment());

        refused(quote.token(), QuoteNotPayableException.Reason.PAYMENT_OFF);
        refused("not-a-link", QuoteNotPayableException.Reason.UNKNOWN_LINK);
    }

    @Test
    void a_paid_session_is_not_offered_again() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        testQuotes.pay(checkout.start(quote.token()), "4242 4242 4242 4242");

        long before = CheckoutTestQuotes.sessionsInSandbox(jdbc);
        // Paid at Stripe: being confirmed until the payment is recorded (by the webhook, when it came first).
        Throwable again = catchThrowable(() -> checkout.start(quote.token()));
        assertThat(again).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOfSatisfying(CheckoutUnavailableException.class, u -> assertThat(u.reason())
                        .isEqualTo(CheckoutUnavailableException.Reason.PAYMENT_IN_PROGRESS)),
                e -> assertThat(e).isInstanceOfSatisfying(QuoteNotPayableException.class, n -> assertThat(n.reason())
                        .isEqualTo(QuoteNotPayableException.Reason.ALREADY_PAID)));
        assertThat(CheckoutTestQuotes.sessionsInSandbox(jdbc)).isEqualTo(before);
        lifecycle.recordPayment(quote.quoteId(), quote.version());
        refused(quote.token(), QuoteNotPayableException.Reason.ALREADY_PAID);
    }

    private void unavailable(String token, Consumer<CheckoutUnavailableException> check) {
        long before = CheckoutTestQuotes.sessionsInSandbox(jdbc);
        assertThatThrownBy(() -> checkout.start(token)).isInstanceOfSatisfying(CheckoutUnavailableException.class,
                check::accept);
        assertThat(CheckoutTestQuotes.sessionsInSandbox(jdbc)).as("sessions made at Stripe").isEqualTo(before);
    }

    @Test
    void the_buyers_existing_stripe_customer_is_used_and_remembered_on_the_contact() throws Exception {
        String email = CheckoutTestQuotes.uniqueEmail();
        Customer existing = testQuotes.stripe().v1().customers().create(CustomerCreateParams.builder()
                .setEmail(email).setName("Made in the Dashboard").build());
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple(), email);

        Session session = testQuotes.session(checkout.start(quote.token()));
        CheckoutTestQuotes.Published another = testQuotes.publish(simple(), email);
        Session next = testQuotes.session(checkout.start(another.token()));

        assertThat(session.getCustomer()).isEqualTo(existing.getId());
        assertThat(next.getCustomer()).isEqualTo(existing.getId());
        assertThat(jdbc.sql("SELECT customer_id FROM contact_stripe_customer WHERE contact = :contact")
                .param("contact", quote.contactId()).query(String.class).single()).isEqualTo(existing.getId());
    }

    @Test
    void a_new_buyer_gets_one_customer_named_after_the_company() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());

        Session session = testQuotes.session(checkout.start(quote.token()));

        Customer customer = testQuotes.stripe().v1().customers().retrieve(session.getCustomer());
        assertThat(customer.getEmail()).isEqualTo(quote.email());
        assertThat(customer.getName()).isEqualTo(quote.content().companyName());
        assertThat(customer.getPreferredLocales()).containsExactly("de");
    }

    @Test
    void a_session_stripe_would_price_differently_is_expired_and_never_offered() throws Exception {
        // ISK is sent to Stripe in hundredths: 19 % of 1,055 ISK is 200.45 there, 200 on the quote.
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("ISK",
                List.of(line("Tour", "1", "1055", null, null, "19", false, null))));

        unavailableMaking(quote.token(), 1);
        String made = jdbc.sql("SELECT session_id FROM quote_checkout_session WHERE quote = :quote")
                .param("quote", quote.quoteId()).query(String.class).single();
        assertThat(testQuotes.stripe().v1().checkout().sessions().retrieve(made).getStatus()).isEqualTo("expired");
        assertThat(jdbc.sql("SELECT expected_amount, stripe_amount FROM quote_checkout_session WHERE quote = :quote")
                .param("quote", quote.quoteId()).query().singleRow()).containsEntry("expected_amount", 125_500L)
                .containsEntry("stripe_amount", 125_545L);

        unavailableMaking(quote.token(), 0);
    }

    private void unavailableMaking(String token, int sessions) {
        long before = CheckoutTestQuotes.sessionsInSandbox(jdbc);
        assertThatThrownBy(() -> checkout.start(token)).isInstanceOfSatisfying(CheckoutUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(CheckoutUnavailableException.Reason.AMOUNT_MISMATCH));
        assertThat(CheckoutTestQuotes.sessionsInSandbox(jdbc)).isEqualTo(before + sessions);
    }

    @Test
    void without_a_ready_stripe_account_no_checkout_is_offered() {
        CheckoutTestQuotes.Published quote = testQuotes.publish(simple());
        stripe.disconnect();
        try {
            unavailable(quote.token(), e -> assertThat(e.reason())
                    .isEqualTo(CheckoutUnavailableException.Reason.PAYMENTS_UNAVAILABLE));
        } finally {
            stripe.useSandbox();
        }
    }
}
