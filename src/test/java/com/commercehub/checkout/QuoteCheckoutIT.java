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
import com.commercehub.crm.DiscountKind;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeAmounts;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.model.Coupon;
import com.stripe.model.Invoice;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.model.TaxRate;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.discount;
import static com.commercehub.checkout.CheckoutTestQuotes.fee;
import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout Sessions made from published quotes, read back from the sandbox over HTTP: Stripe charges
 * exactly the quote's first payment in EUR, JPY and KWD, with line discounts, a quote discount, taxes
 * inclusive and exclusive, a fee and recurring lines; renewals are taxed and discounted as the quote shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class QuoteCheckoutIT {

    @Autowired
    QuoteCheckout checkout;
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

    /** One-time and monthly lines, line discounts (one that does not split into units), 7 % inclusive and 19 % added. */
    private static CheckoutTestQuotes.Spec eurSubscription() {
        return spec("EUR", List.of(
                        line("Workshop", "3", "333.33", DiscountKind.PERCENT, "10", "19", false, null),
                        line("Licence", "2", "49.90", DiscountKind.AMOUNT, "5.00", "7", true, BillingFrequency.MONTHLY),
                        line("Support", "1", "120.00", null, null, "19", false, null)),
                discount(Adjustment.percent("12.5")), fee(Adjustment.amount("25.00")));
    }

    /** Only monthly lines, so an amount discount can repeat every month; a percentage fee. */
    private static CheckoutTestQuotes.Spec jpySubscription() {
        return spec("JPY", List.of(
                        line("Seats", "3", "12800", DiscountKind.PERCENT, "7", "10", false, BillingFrequency.MONTHLY),
                        line("Storage", "5", "980", DiscountKind.AMOUNT, "150", "8", true, BillingFrequency.MONTHLY)),
                discount(Adjustment.amount("1500")), fee(Adjustment.percent("3")));
    }

    private static CheckoutTestQuotes.Spec kwdSubscription() {
        return spec("KWD", List.of(
                        line("Consulting", "4", "45.250", DiscountKind.PERCENT, "5", "15", false, null),
                        line("Licence", "2", "12.500", DiscountKind.AMOUNT, "1.100", "5", true, BillingFrequency.MONTHLY),
                        line("Hardware", "1", "88.050", null, null, "15", false, null)),
                discount(Adjustment.percent("10")), fee(Adjustment.amount("2.500")));
    }

    /** The same kind of quote without recurring lines, with an amount discount. */
    private static CheckoutTestQuotes.Spec oneTime(String currency) {
        return switch (currency) {
            case "EUR" -> spec("EUR", List.of(
                            line("Workshop", "3", "333.33", DiscountKind.PERCENT, "10", "19", false, null),
                            line("Licence", "2", "49.90", DiscountKind.AMOUNT, "5.00", "7", true, null),
                            line("Support", "1", "120.00", null, null, "19", false, null)),
                    discount(Adjustment.amount("50.00")), fee(Adjustment.amount("25.00")));
            case "JPY" -> spec("JPY", List.of(
                            line("Tea set", "3", "12800", DiscountKind.PERCENT, "7", "10", false, null),
                            line("Cups", "5", "980", DiscountKind.AMOUNT, "150", "8", true, null)),
                    discount(Adjustment.amount("1500")), fee(Adjustment.percent("3")));
            default -> spec("KWD", List.of(
                            line("Consulting", "4", "45.250", DiscountKind.PERCENT, "5", "15", false, null),
                            line("Licence", "2", "12.500", DiscountKind.AMOUNT, "1.100", "5", true, null),
                            line("Hardware", "1", "88.050", null, null, "15", false, null)),
                    discount(Adjustment.amount("15.000")), fee(Adjustment.amount("2.500")));
        };
    }

    @Autowired
    SandboxClockService sandboxClock;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_eur_quote_with_a_recurring_line_is_a_subscription_charging_exactly_its_first_payment() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(eurSubscription());

        String url = checkout.start(quote.token());

        Session session = testQuotes.session(url);
        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getCurrency()).isEqualTo("eur");
        assertThat(session.getAmountTotal()).isEqualTo(quote.expectedMinorUnits()).isEqualTo(117_001L);
        assertThat(session.getLocale()).isEqualTo("de");
        assertThat(session.getClientReferenceId()).isEqualTo("quote-" + quote.quoteId() + "-v1");
        assertThat(session.getMetadata()).containsEntry("quote_id", String.valueOf(quote.quoteId()))
                .containsEntry("quote_version", "1").containsEntry("quote_number", quote.content().number())
                .containsKey("account_id");
        assertThat(session.getSuccessUrl()).isEqualTo("http://127.0.0.1:" + port + "/quote/" + quote.token()
                + "/paid?session_id={CHECKOUT_SESSION_ID}");
        assertThat(session.getCancelUrl()).isEqualTo("http://127.0.0.1:" + port + "/quote/" + quote.token());
        assertThat(session.getCustomer()).startsWith("cus_");

        List<LineItem> items = session.getLineItems().getData();
        assertThat(items).extracting(LineItem::getDescription)
                .containsExactly("3 × Workshop", "Licence", "Support", "Set-up fee");
        // 3 × 333.33 less 10 % is 899.99, which does not split into three equal units.
        assertThat(items.get(0).getQuantity()).isEqualTo(1L);
        assertThat(items.get(0).getPrice().getUnitAmount()).isEqualTo(89_999L);
        assertThat(items.get(1).getQuantity()).isEqualTo(2L);
        assertThat(items.get(1).getPrice().getUnitAmount()).isEqualTo(4_740L);
        assertThat(items.get(1).getPrice().getRecurring().getInterval()).isEqualTo("month");
        assertThat(items.get(1).getTaxes()).singleElement().satisfies(tax -> {
            assertThat(tax.getRate().getInclusive()).isTrue();
            assertThat(tax.getRate().getPercentage()).isEqualByComparingTo("7");
        });
        assertThat(items.get(3).getTaxes()).isEmpty();
        assertThat(items.get(3).getAmountDiscount()).isZero();

        Coupon coupon = testQuotes.stripe().v1().coupons().retrieve(session.getDiscounts().getFirst().getCoupon());
        assertThat(coupon.getPercentOff()).isEqualByComparingTo("12.5");
        assertThat(coupon.getDuration()).isEqualTo("forever");
        assertThat(session.getTotalDetails().getAmountDiscount()).isEqualTo(13_935L);

        HttpResponse<String> paid = testQuotes.pay(url, "4242 4242 4242 4242");
        assertThat(paid.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/quote/"
                + quote.token() + "/paid?session_id=" + session.getId());
        Session complete = testQuotes.stripe().v1().checkout().sessions().retrieve(session.getId());
        Subscription subscription = testQuotes.stripe().v1().subscriptions().retrieve(complete.getSubscription());
        assertThat(subscription.getMetadata()).containsEntry("quote_id", String.valueOf(quote.quoteId()))
                .containsEntry("quote_version", "1");
        assertThat(subscription.getItems().getData()).singleElement()
                .satisfies(item -> assertThat(item.getTaxRates()).extracting(TaxRate::getPercentage)
                        .containsExactly(new java.math.BigDecimal("7")));
        Invoice first = testQuotes.stripe().v1().invoices().retrieve(complete.getInvoice());
        assertThat(first.getAmountPaid()).isEqualTo(quote.expectedMinorUnits());

        long now = testQuotes.stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime();
        testQuotes.stripe().v1().testHelpers().testClocks().advance("clock_sandbox",
                TestClockAdvanceParams.builder().setFrozenTime(now + 32 * 86_400L).build());
        Invoice renewal = testQuotes.stripe().v1().invoices().list(InvoiceListParams.builder()
                .setSubscription(subscription.getId()).build()).getData().getFirst();
        Money monthly = quote.content().totals().recurringTotals().get(BillingFrequency.MONTHLY);
        // Every renewal: the licence with its discount share, tax included — as the quote shows per month.
        assertThat(renewal.getId()).isNotEqualTo(first.getId());
        assertThat(renewal.getAmountPaid()).isEqualTo(StripeAmounts.toMinorUnits(monthly)).isEqualTo(8_295L);
    }

    @Test
    void a_jpy_subscription_with_an_amount_discount_charges_exactly_and_spares_the_fee() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(jpySubscription());

        Session session = testQuotes.session(checkout.start(quote.token()));

        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getAmountTotal()).isEqualTo(quote.expectedMinorUnits()).isEqualTo(43_570L);
        Coupon coupon = testQuotes.stripe().v1().coupons().retrieve(session.getDiscounts().getFirst().getCoupon());
        assertThat(coupon.getAmountOff()).isEqualTo(1_500L);
        assertThat(coupon.getCurrency()).isEqualTo("jpy");
        assertThat(coupon.getDuration()).isEqualTo("forever");
        assertThat(session.getLineItems().getData().getLast().getDescription()).isEqualTo("Set-up fee");
        assertThat(session.getLineItems().getData().getLast().getAmountTotal()).isEqualTo(1_169L);
    }

    @Test
    void a_kwd_subscription_charges_exactly_in_thousandths() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(kwdSubscription());

        Session session = testQuotes.session(checkout.start(quote.token()));

        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getCurrency()).isEqualTo("kwd");
        assertThat(session.getAmountTotal()).isEqualTo(quote.expectedMinorUnits()).isEqualTo(293_110L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "JPY", "KWD"})
    void a_quote_without_recurring_lines_is_paid_in_payment_mode_for_exactly_its_first_payment(String currency)
            throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(oneTime(currency));

        String url = checkout.start(quote.token());

        Session session = testQuotes.session(url);
        assertThat(session.getMode()).isEqualTo("payment");
        assertThat(session.getAmountTotal()).isEqualTo(quote.expectedMinorUnits());
        Coupon coupon = testQuotes.stripe().v1().coupons().retrieve(session.getDiscounts().getFirst().getCoupon());
        assertThat(coupon.getDuration()).isEqualTo("once");
        assertThat(coupon.getAmountOff()).isEqualTo(StripeAmounts.toMinorUnits(quote.content().totals().quoteDiscount()));

        testQuotes.pay(url, "4242 4242 4242 4242");
        Session complete = testQuotes.stripe().v1().checkout().sessions().retrieve(session.getId());
        PaymentIntent intent = testQuotes.stripe().v1().paymentIntents().retrieve(complete.getPaymentIntent());
        assertThat(intent.getAmountReceived()).isEqualTo(quote.expectedMinorUnits());
        assertThat(intent.getMetadata()).containsEntry("quote_id", String.valueOf(quote.quoteId()))
                .containsEntry("quote_version", "1").containsEntry("quote_number", quote.content().number());
    }

    @Test
    void when_every_line_carries_one_rate_the_subscription_also_taxes_renewals_by_default() throws Exception {
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Onboarding", "1", "300.00", null, null, "19", false, null),
                line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.MONTHLY))));

        String url = checkout.start(quote.token());
        testQuotes.pay(url, "4242424242424242");

        Session complete = testQuotes.stripe().v1().checkout().sessions().retrieve(CheckoutTestQuotes.sessionId(url));
        assertThat(complete.getAmountTotal()).isEqualTo(quote.expectedMinorUnits()).isEqualTo(47_481L);
        Subscription subscription = testQuotes.stripe().v1().subscriptions().retrieve(complete.getSubscription());
        assertThat(subscription.getDefaultTaxRates()).extracting(TaxRate::getPercentage)
                .containsExactly(new java.math.BigDecimal("19"));
    }

    @Test
    void the_coupon_is_made_once_per_version_and_tax_rates_once_per_account() throws Exception {
        CheckoutTestQuotes.Published first = testQuotes.publish(eurSubscription());
        Session one = testQuotes.session(checkout.start(first.token()));
        testQuotes.stripe().v1().checkout().sessions().expire(one.getId());
        long taxRatesBefore = countOf("tax_rate");

        Session two = testQuotes.session(checkout.start(first.token()));
        CheckoutTestQuotes.Published second = testQuotes.publish(eurSubscription());
        Session other = testQuotes.session(checkout.start(second.token()));

        assertThat(two.getId()).isNotEqualTo(one.getId());
        assertThat(two.getDiscounts().getFirst().getCoupon()).isEqualTo(one.getDiscounts().getFirst().getCoupon());
        assertThat(other.getDiscounts().getFirst().getCoupon()).isNotEqualTo(one.getDiscounts().getFirst().getCoupon());
        assertThat(couponsOf(first)).isEqualTo(1);
        assertThat(countOf("tax_rate")).isEqualTo(taxRatesBefore);
        assertThat(rateIds(other)).isEqualTo(rateIds(one));
    }

    private long countOf(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE object_type = :type").param("type", type)
                .query(Long.class).single();
    }

    private long couponsOf(CheckoutTestQuotes.Published quote) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'coupon'
                          AND JSON_VALUE(body, '$.metadata.quote_id') = :quote""")
                .param("quote", String.valueOf(quote.quoteId())).query(Long.class).single();
    }

    private static List<String> rateIds(Session session) {
        return session.getLineItems().getData().stream().flatMap(item -> item.getTaxes().stream())
                .map(tax -> tax.getRate().getId()).toList();
    }
}
