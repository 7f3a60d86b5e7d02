package com.commercehub.sandbox;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.LineItem;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.TaxRate;
import com.stripe.model.checkout.Session;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.TaxRateUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the sandbox prices Checkout Sessions and subscription renewals, through stripe-java as Stripe
 * would be driven: coupons limited to products, a discount worked out once and spread in proportion,
 * subscription default tax rates, taxed and discounted renewals, locales, customer search by e-mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CheckoutPricingContractIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    private static SessionCreateParams.LineItem item(String product, long unitAmount, long quantity,
                                                     boolean monthly, String... taxRates) {
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency("eur").setUnitAmount(unitAmount);
        if (product.startsWith("prod_")) {
            price.setProduct(product);
        } else {
            price.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(product).build());
        }
        if (monthly) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH).build());
        }
        return SessionCreateParams.LineItem.builder().setQuantity(quantity).setPriceData(price.build())
                .addAllTaxRate(List.of(taxRates)).build();
    }

    private SessionCreateParams.Builder payment() {
        return SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://shop.example/paid");
    }

    private SessionCreateParams.Builder subscription() {
        return SessionCreateParams.builder().setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setSuccessUrl("https://shop.example/paid");
    }

    private Session withItems(SessionCreateParams params) throws Exception {
        Session session = stripe().v1().checkout().sessions().create(params);
        return stripe().v1().checkout().sessions().retrieve(session.getId(),
                SessionRetrieveParams.builder().addExpand("line_items").build());
    }

    private TaxRate rate(String percentage, boolean inclusive) throws Exception {
        return stripe().v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal(percentage)).setInclusive(inclusive).build());
    }

    private Coupon coupon(CouponCreateParams.Builder params) throws Exception {
        return stripe().v1().coupons().create(params.build());
    }

    @Autowired
    SandboxClockService sandboxClock;

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    @Test
    void a_coupon_discounts_only_the_products_it_applies_to() throws Exception {
        Product plan = stripe().v1().products().create(ProductCreateParams.builder().setName("Plan").build());
        Coupon coupon = coupon(CouponCreateParams.builder().setPercentOff(new BigDecimal("10"))
                .setDuration(CouponCreateParams.Duration.ONCE)
                .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct(plan.getId()).build()));
        assertThat(coupon.getAppliesTo().getProducts()).containsExactly(plan.getId());

        Session session = withItems(payment().addLineItem(item(plan.getId(), 10_000, 1, false))
                .addLineItem(item("Set-up fee", 5_000, 1, false))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(coupon.getId()).build()).build());

        assertThat(session.getTotalDetails().getAmountDiscount()).isEqualTo(1_000L);
        assertThat(session.getLineItems().getData()).extracting(LineItem::getAmountDiscount).containsExactly(1_000L, 0L);
        assertThat(session.getAmountTotal()).isEqualTo(14_000L);
    }

    @Test
    void a_discount_is_worked_out_once_and_spread_in_proportion_with_the_rest_to_the_largest_remainders()
            throws Exception {
        TaxRate vat = rate("19", false);
        Coupon percent = coupon(CouponCreateParams.builder().setPercentOff(new BigDecimal("10"))
                .setDuration(CouponCreateParams.Duration.ONCE));
        // 10 % of 315 is 31.5 → 32 (three times 10.5 rounded per line would be 33).
        Session session = withItems(payment().addLineItem(item("A", 105, 1, false, vat.getId()))
                .addLineItem(item("B", 105, 1, false, vat.getId())).addLineItem(item("C", 105, 1, false, vat.getId()))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(percent.getId()).build()).build());
        assertThat(session.getLineItems().getData()).extracting(LineItem::getAmountDiscount)
                .containsExactly(11L, 11L, 10L);
        // Each line taxed on what is left of it: 94 → 17.86 → 18, 94 → 18, 95 → 18.05 → 18.
        assertThat(session.getTotalDetails().getAmountTax()).isEqualTo(54L);
        assertThat(session.getAmountTotal()).isEqualTo(315L - 32L + 54L);

        Coupon amount = coupon(CouponCreateParams.builder().setAmountOff(1_000L).setCurrency("eur")
                .setDuration(CouponCreateParams.Duration.ONCE));
        Session spread = withItems(payment().addLineItem(item("A", 3_000, 1, false))
                .addLineItem(item("B", 3_000, 1, false)).addLineItem(item("C", 3_000, 1, false))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(amount.getId()).build()).build());
        assertThat(spread.getLineItems().getData()).extracting(LineItem::getAmountDiscount)
                .containsExactly(334L, 333L, 333L);
    }

    @Test
    void subscription_default_tax_rates_tax_every_item_that_has_no_rates_of_its_own() throws Exception {
        TaxRate standard = rate("19", false);
        TaxRate reduced = rate("7", false);
        Session session = withItems(subscription()
                .addLineItem(item("Licence", 10_000, 1, true))
                .addLineItem(item("Set-up", 5_000, 1, false))
                .addLineItem(item("Book", 2_000, 1, false, reduced.getId()))
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .addDefaultTaxRate(standard.getId()).build()).build());

        assertThat(session.getLineItems().getData()).extracting(LineItem::getAmountTax)
                .containsExactly(1_900L, 950L, 140L);
        assertThat(session.getAmountTotal()).isEqualTo(17_000L + 1_900L + 950L + 140L);
    }

    @Test
    void renewals_are_taxed_and_keep_a_forever_coupon_but_not_a_once_coupon() throws Exception {
        TaxRate vat = rate("19", false);
        TaxRate standard = rate("20", false);
        Coupon forever = coupon(CouponCreateParams.builder().setPercentOff(new BigDecimal("10"))
                .setDuration(CouponCreateParams.Duration.FOREVER));
        Coupon once = coupon(CouponCreateParams.builder().setPercentOff(new BigDecimal("10"))
                .setDuration(CouponCreateParams.Duration.ONCE));
        Subscription keeps = paidSubscription(subscription().addLineItem(item("Licence", 10_000, 1, true, vat.getId()))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(forever.getId()).build()).build());
        Subscription loses = paidSubscription(subscription().addLineItem(item("Licence", 10_000, 1, true, vat.getId()))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(once.getId()).build()).build());
        Subscription byDefault = paidSubscription(subscription().addLineItem(item("Licence", 10_000, 1, true))
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .addDefaultTaxRate(standard.getId()).build()).build());
        assertThat(byDefault.getDefaultTaxRates()).extracting(TaxRate::getId).containsExactly(standard.getId());
        assertThat(byDefault.getItems().getData().getFirst().getTaxRates()).isEmpty();

        long now = stripe().v1().testHelpers().testClocks().retrieve("clock_sandbox").getFrozenTime();
        stripe().v1().testHelpers().testClocks().advance("clock_sandbox",
                TestClockAdvanceParams.builder().setFrozenTime(now + 32 * 86_400L).build());

        assertThat(latestInvoice(keeps).getAmountPaid()).isEqualTo(10_710L);
        assertThat(latestInvoice(loses).getAmountPaid()).isEqualTo(11_900L);
        assertThat(latestInvoice(byDefault).getAmountPaid()).isEqualTo(12_000L);
    }

    private Subscription paidSubscription(SessionCreateParams params) throws Exception {
        Session session = stripe().v1().checkout().sessions().create(params);
        HttpResponse<String> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/checkout/" + session.getId()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=jana%40example.com&name=Jana&card=4242424242424242"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(303);
        String id = stripe().v1().checkout().sessions().retrieve(session.getId()).getSubscription();
        return stripe().v1().subscriptions().retrieve(id);
    }

    private Invoice latestInvoice(Subscription subscription) throws Exception {
        List<Invoice> invoices = stripe().v1().invoices().list(InvoiceListParams.builder()
                .setSubscription(subscription.getId()).build()).getData();
        assertThat(invoices).hasSizeGreaterThan(1);
        return invoices.getFirst();
    }

    @Test
    void locales_and_archived_tax_rates_are_checked_like_stripe() throws Exception {
        Session german = stripe().v1().checkout().sessions().create(payment().addLineItem(item("A", 1_000, 1, false))
                .setLocale(SessionCreateParams.Locale.DE).build());
        assertThat(german.getLocale()).isEqualTo("de");
        InvalidRequestException klingon = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(payment().addLineItem(item("A", 1_000, 1, false))
                        .putExtraParam("locale", "tlh").build()));
        assertThat(klingon.getParam()).isEqualTo("locale");

        TaxRate archived = rate("16", false);
        stripe().v1().taxRates().update(archived.getId(), TaxRateUpdateParams.builder().setActive(false).build());
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(payment()
                        .addLineItem(item("A", 1_000, 1, false, archived.getId())).build()));
        assertThat(refused.getParam()).isEqualTo("line_items[0][tax_rates]");
    }

    @Test
    void listing_customers_by_email_is_exact_and_search_ignores_case() throws Exception {
        String email = "Mixed." + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
        Customer customer = stripe().v1().customers().create(CustomerCreateParams.builder().setEmail(email).build());

        assertThat(stripe().v1().customers().list(CustomerListParams.builder()
                .setEmail(email.toLowerCase()).build()).getData()).isEmpty();
        assertThat(stripe().v1().customers().search(CustomerSearchParams.builder()
                .setQuery("email:'" + email.toLowerCase() + "'").build()).getData())
                .extracting(Customer::getId).containsExactly(customer.getId());
    }
}
