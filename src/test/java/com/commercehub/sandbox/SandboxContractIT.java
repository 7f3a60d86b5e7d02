package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Account;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.CountrySpec;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Refund;
import com.stripe.model.TaxRate;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sandbox driven through stripe-java over real HTTP, asserting the parsed models the app reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SandboxContractIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private StripeClient stripe() {
        return stripe(sandboxKey.secretKey());
    }

    private StripeClient stripe(String key) {
        return StripeClient.builder().setApiKey(key).setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe")
                .setMaxNetworkRetries(0).build();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void account_and_country_specs() throws Exception {
        Account account = stripe().v1().accounts().retrieveCurrent();
        assertThat(account.getId()).startsWith("acct_");
        assertThat(account.getObject()).isEqualTo("account");
        assertThat(account.getChargesEnabled()).isTrue();
        assertThat(account.getDetailsSubmitted()).isTrue();
        assertThat(account.getRequirements().getCurrentlyDue()).isEmpty();
        assertThat(account.getBusinessProfile().getName()).isNotBlank();
        assertThat(stripe().v1().accounts().retrieveCurrent().getId()).isEqualTo(account.getId());

        CountrySpec de = stripe().v1().countrySpecs().retrieve("DE");
        assertThat(de.getDefaultCurrency()).isEqualTo("eur");
        assertThat(de.getSupportedPaymentCurrencies()).contains("eur", "usd", "dkk", "sek", "pln", "jpy", "kwd");
        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().countrySpecs().retrieve("ZZ"));
        assertThat(missing.getCode()).isEqualTo("resource_missing");
        assertThat(missing.getStatusCode()).isEqualTo(404);
    }

    @Test
    void customers_are_created_updated_listed_and_searched_by_email() throws Exception {
        String email = "buyer-" + unique() + "@example.com";
        Customer created = stripe().v1().customers().create(CustomerCreateParams.builder()
                .setEmail(email).setName("Jana Novak").putMetadata("contact", "42").build());
        assertThat(created.getId()).startsWith("cus_");
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getCreated()).isPositive();
        assertThat(created.getMetadata()).containsEntry("contact", "42");

        Customer updated = stripe().v1().customers().update(created.getId(), CustomerUpdateParams.builder()
                .setName("Jana Nováková").putMetadata("contact", "").build());
        assertThat(updated.getName()).isEqualTo("Jana Nováková");
        assertThat(updated.getMetadata()).doesNotContainKey("contact");
        assertThat(stripe().v1().customers().retrieve(created.getId()).getName()).isEqualTo("Jana Nováková");

        assertThat(stripe().v1().customers().list(CustomerListParams.builder().setEmail(email).build()).getData())
                .extracting(Customer::getId).containsExactly(created.getId());
        assertThat(stripe().v1().customers().search(CustomerSearchParams.builder()
                .setQuery("email:'" + email + "'").build()).getData())
                .extracting(Customer::getId).containsExactly(created.getId());

        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().customers().retrieve("cus_doesnotexist"));
        assertThat(missing.getCode()).isEqualTo("resource_missing");
        assertThat(missing.getParam()).isEqualTo("id");
    }

    @Test
    void products_prices_coupons_and_tax_rates() throws Exception {
        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Consulting day").build());
        assertThat(product.getId()).startsWith("prod_");
        Price monthly = stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setUnitAmount(12_000L)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());
        assertThat(monthly.getId()).startsWith("price_");
        assertThat(monthly.getType()).isEqualTo("recurring");
        assertThat(monthly.getRecurring().getInterval()).isEqualTo("month");
        assertThat(monthly.getRecurring().getIntervalCount()).isEqualTo(1L);
        assertThat(monthly.getUnitAmountDecimal()).isEqualByComparingTo("12000");

        Coupon coupon = stripe().v1().coupons().create(CouponCreateParams.builder()
                .setPercentOff(new BigDecimal("12.5")).setDuration(CouponCreateParams.Duration.ONCE).build());
        assertThat(coupon.getPercentOff()).isEqualByComparingTo("12.5");
        assertThat(coupon.getValid()).isTrue();

        TaxRate vat = stripe().v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("19")).setInclusive(false).setCountry("DE").build());
        assertThat(vat.getId()).startsWith("txr_");
        assertThat(vat.getPercentage()).isEqualByComparingTo("19");

        InvalidRequestException noAmount = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                        .setCurrency("eur").build()));
        assertThat(noAmount.getCode()).isEqualTo("parameter_missing");
        assertThat(noAmount.getParam()).isEqualTo("unit_amount");
    }

    private static SessionCreateParams.LineItem oneTime(String name, long unitAmount, long quantity, String... taxRates) {
        return SessionCreateParams.LineItem.builder().setQuantity(quantity).addAllTaxRate(List.of(taxRates))
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur").setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build())
                        .build())
                .build();
    }

    @Test
    void checkout_session_totals_discount_and_tax_and_expands_line_items() throws Exception {
        TaxRate vat = stripe().v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("19")).setInclusive(false).build());
        Coupon tenOff = stripe().v1().coupons().create(CouponCreateParams.builder()
                .setPercentOff(new BigDecimal("10")).setDuration(CouponCreateParams.Duration.ONCE).build());
        Session session = stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(oneTime("Workshop", 10_000, 2, vat.getId()))
                .addLineItem(oneTime("Travel", 2_550, 1))
                .addDiscount(SessionCreateParams.Discount.builder().setCoupon(tenOff.getId()).build())
                .setSuccessUrl("https://shop.example/paid").setCancelUrl("https://shop.example/cancel")
                .setClientReferenceId("quote-7-v2").putMetadata("quote", "7").build());

        assertThat(session.getId()).startsWith("cs_test_");
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(session.getUrl()).contains("/sandbox/checkout/" + session.getId());
        assertThat(session.getAmountSubtotal()).isEqualTo(22_550L);
        // discount 10 %: 2000 + 255; VAT 19 % on 18000 = 3420
        assertThat(session.getTotalDetails().getAmountDiscount()).isEqualTo(2_255L);
        assertThat(session.getTotalDetails().getAmountTax()).isEqualTo(3_420L);
        assertThat(session.getAmountTotal()).isEqualTo(22_550L - 2_255L + 3_420L);
        assertThat(session.getExpiresAt() - session.getCreated()).isEqualTo(24 * 3600L);
        assertThat(session.getLineItems()).isNull();

        Session expanded = stripe().v1().checkout().sessions().retrieve(session.getId(),
                SessionRetrieveParams.builder().addExpand("line_items").build());
        assertThat(expanded.getLineItems().getData()).hasSize(2);
        assertThat(expanded.getLineItems().getData().getFirst().getDescription()).isEqualTo("Workshop");
        assertThat(expanded.getLineItems().getData().getFirst().getPrice().getUnitAmount()).isEqualTo(10_000L);
        assertThat(expanded.getLineItems().getData().getFirst().getAmountTax()).isEqualTo(3_420L);
        assertThat(expanded.getMetadata()).containsEntry("quote", "7");

        Session expired = stripe().v1().checkout().sessions().expire(session.getId());
        assertThat(expired.getStatus()).isEqualTo("expired");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().expire(session.getId())).getStatusCode()).isEqualTo(400);
        assertThat(stripe().v1().events().list(EventListParams.builder().setType("checkout.session.expired").build())
                .getData()).anySatisfy(event -> assertThat(event.getDataObjectDeserializer().getObject())
                .hasValueSatisfying(object -> assertThat(((Session) object).getId()).isEqualTo(session.getId())));
    }

    @Test
    void checkout_business_rules_are_stripes() throws Exception {
        Coupon coupon = stripe().v1().coupons().create(CouponCreateParams.builder()
                .setPercentOff(new BigDecimal("5")).setDuration(CouponCreateParams.Duration.ONCE).build());
        InvalidRequestException both = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT).addLineItem(oneTime("A", 1000, 1))
                        .addDiscount(SessionCreateParams.Discount.builder().setCoupon(coupon.getId()).build())
                        .setAllowPromotionCodes(true).setSuccessUrl("https://x.example/ok").build()));
        assertThat(both.getParam()).isEqualTo("discounts");
        assertThat(both.getMessage()).contains("allow_promotion_codes");

        InvalidRequestException tooSmall = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT).addLineItem(oneTime("Sticker", 49, 1))
                        .setSuccessUrl("https://x.example/ok").build()));
        assertThat(tooSmall.getCode()).isEqualTo("amount_too_small");

        Product product = stripe().v1().products().create(ProductCreateParams.builder().setName("Plan").build());
        Price monthly = recurring(product, PriceCreateParams.Recurring.Interval.MONTH);
        Price yearly = recurring(product, PriceCreateParams.Recurring.Interval.YEAR);
        InvalidRequestException mixed = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(1L).build())
                        .addLineItem(SessionCreateParams.LineItem.builder().setPrice(yearly.getId()).setQuantity(1L).build())
                        .setSuccessUrl("https://x.example/ok").build()));
        assertThat(mixed.getMessage()).contains("different billing intervals");

        InvalidRequestException recurringInPayment = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(1L).build())
                        .setSuccessUrl("https://x.example/ok").build()));
        assertThat(recurringInPayment.getParam()).isEqualTo("line_items[0][price]");

        SessionCreateParams.Builder tooMany = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://x.example/ok");
        for (int i = 0; i < 101; i++) {
            tooMany.addLineItem(oneTime("Item " + i, 100, 1));
        }
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().checkout().sessions().create(tooMany.build())).getParam()).isEqualTo("line_items");

        Session subscription = stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(2L).build())
                .addLineItem(oneTime("Setup fee", 5_000, 1))
                .setSuccessUrl("https://x.example/ok").build());
        assertThat(subscription.getMode()).isEqualTo("subscription");
        assertThat(subscription.getAmountTotal()).isEqualTo(2 * 4_900L + 5_000L);
    }

    private Price recurring(Product product, PriceCreateParams.Recurring.Interval interval) throws Exception {
        return stripe().v1().prices().create(PriceCreateParams.builder().setProduct(product.getId()).setCurrency("eur")
                .setUnitAmount(4_900L).setRecurring(PriceCreateParams.Recurring.builder().setInterval(interval).build())
                .build());
    }

    private PaymentIntent pay(String token, long amount) throws Exception {
        return stripe().v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency("usd").setPaymentMethod(token).setConfirm(true).build());
    }

    @Test
    void a_successful_payment_records_charge_and_balance_transaction_with_stripes_fee() throws Exception {
        PaymentIntent intent = pay("pm_card_visa", 10_000);
        assertThat(intent.getId()).startsWith("pi_");
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmountReceived()).isEqualTo(10_000L);

        PaymentIntent expanded = stripe().v1().paymentIntents().retrieve(intent.getId(), PaymentIntentRetrieveParams.builder()
                .addExpand("latest_charge.balance_transaction").build());
        Charge charge = expanded.getLatestChargeObject();
        assertThat(charge.getId()).startsWith("ch_");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        BalanceTransaction transaction = charge.getBalanceTransactionObject();
        // 2.9 % of 100.00 + 0.30 = 3.20
        assertThat(transaction.getFee()).isEqualTo(320L);
        assertThat(transaction.getNet()).isEqualTo(9_680L);
        assertThat(transaction.getAmount()).isEqualTo(10_000L);
        assertThat(transaction.getFeeDetails()).singleElement()
                .satisfies(fee -> assertThat(fee.getType()).isEqualTo("stripe_fee"));
        assertThat(transaction.getStatus()).isEqualTo("pending");
        assertThat(stripe().v1().balanceTransactions().retrieve(transaction.getId()).getSource()).isEqualTo(charge.getId());
    }

    @ParameterizedTest
    @CsvSource({
            "pm_card_chargeDeclined, card_declined, generic_decline",
            "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
            "pm_card_chargeDeclinedProcessingError, processing_error, processing_error",
            "pm_card_chargeCustomerFail, card_declined, generic_decline"})
    void declined_test_cards_answer_402_with_stripes_codes(String token, String code, String declineCode) {
        CardException declined = catchThrowableOfType(CardException.class, () -> pay(token, 2_000));
        assertThat(declined.getStatusCode()).isEqualTo(402);
        assertThat(declined.getCode()).isEqualTo(code);
        assertThat(declined.getDeclineCode()).isEqualTo(declineCode);
        assertThat(declined.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
        assertThat(declined.getStripeError().getPaymentIntent().getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
    }

    @Test
    void three_d_secure_cards_need_authentication_and_fail_off_session() throws Exception {
        PaymentIntent intent = pay("pm_card_authenticationRequired", 2_000);
        assertThat(intent.getStatus()).isEqualTo("requires_action");
        assertThat(intent.getNextAction().getType()).isEqualTo("redirect_to_url");

        CardException offSession = catchThrowableOfType(CardException.class, () ->
                stripe().v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2_000L)
                        .setCurrency("usd").setPaymentMethod("pm_card_authenticationRequired").setConfirm(true)
                        .setOffSession(true).build()));
        assertThat(offSession.getCode()).isEqualTo("authentication_required");
    }

    @Test
    void disputed_card_creates_a_dispute_event() throws Exception {
        PaymentIntent intent = pay("pm_card_createDispute", 5_000);
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        List<Event> disputes = stripe().v1().events().list(EventListParams.builder().setType("charge.dispute.created")
                .build()).getData();
        assertThat(disputes).anySatisfy(event -> assertThat(((com.stripe.model.Dispute) event.getDataObjectDeserializer()
                .getObject().orElseThrow()).getPaymentIntent()).isEqualTo(intent.getId()));
    }

    @Test
    void payment_below_the_minimum_is_refused() {
        InvalidRequestException small = catchThrowableOfType(InvalidRequestException.class, () -> pay("pm_card_visa", 49));
        assertThat(small.getCode()).isEqualTo("amount_too_small");
        assertThat(small.getParam()).isEqualTo("amount");
    }

    @Test
    void refunds_partial_then_the_rest_and_never_more() throws Exception {
        PaymentIntent intent = pay("pm_card_visa", 3_000);
        Refund first = stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(1_000L).build());
        assertThat(first.getId()).startsWith("re_");
        assertThat(first.getStatus()).isEqualTo("succeeded");
        InvalidRequestException tooMuch = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                        .setAmount(2_001L).build()));
        assertThat(tooMuch.getCode()).isEqualTo("amount_too_large");
        Refund rest = stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).build());
        assertThat(rest.getAmount()).isEqualTo(2_000L);
        Charge charge = stripe().v1().charges().retrieve(rest.getCharge());
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getAmountRefunded()).isEqualTo(3_000L);
        assertThat(stripe().v1().balanceTransactions().retrieve(rest.getBalanceTransaction()).getNet()).isEqualTo(-2_000L);
    }

    @Test
    void same_idempotency_key_replays_and_different_params_are_refused() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("contract-" + unique()).build();
        CustomerCreateParams params = CustomerCreateParams.builder().setEmail("idem@example.com").build();
        Customer first = stripe().v1().customers().create(params, key);
        Customer replay = stripe().v1().customers().create(params, key);
        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");

        IdempotencyException conflict = catchThrowableOfType(IdempotencyException.class,
                () -> stripe().v1().customers().create(CustomerCreateParams.builder().setEmail("other@example.com").build(), key));
        assertThat(conflict.getStatusCode()).isEqualTo(400);

        RequestOptions declineKey = RequestOptions.builder().setIdempotencyKey("decline-" + unique()).build();
        PaymentIntentCreateParams declined = PaymentIntentCreateParams.builder().setAmount(2_000L).setCurrency("usd")
                .setPaymentMethod("pm_card_chargeDeclined").setConfirm(true).build();
        CardException a = catchThrowableOfType(CardException.class, () -> stripe().v1().paymentIntents().create(declined, declineKey));
        CardException b = catchThrowableOfType(CardException.class, () -> stripe().v1().paymentIntents().create(declined, declineKey));
        assertThat(b.getStripeError().getPaymentIntent().getId()).isEqualTo(a.getStripeError().getPaymentIntent().getId());
    }

    @Test
    void the_key_may_also_come_as_basic_auth_user_like_curl_u() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/sandbox/stripe/v1/account"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (sandboxKey.secretKey() + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"object\":\"account\"");
        var missing = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/stripe/v1/account")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(401);

        var proxied = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/stripe/v1/customers"))
                        .header("Authorization", "Bearer " + sandboxKey.secretKey())
                        .header("X-Forwarded-For", "203.0.113.7").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).as("the API is not served to other machines").isEqualTo(404);
    }

    @Test
    void bad_keys_and_unknown_parameters_are_refused_like_stripe() {
        assertThatThrownBy(() -> stripe("sk_test_short").v1().accounts().retrieveCurrent())
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> stripe("sk_live_fake_key_for_the_test").v1().accounts().retrieveCurrent())
                .isInstanceOf(AuthenticationException.class);
        InvalidRequestException unknown = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().customers().create(CustomerCreateParams.builder().putExtraParam("colour", "red").build()));
        assertThat(unknown.getCode()).isEqualTo("parameter_unknown");
        assertThat(unknown.getParam()).isEqualTo("colour");
    }

    @Test
    void webhook_endpoint_secret_is_shown_only_on_create() throws Exception {
        WebhookEndpoint created = stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://localhost:9/stripe/webhook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHECKOUT__SESSION__COMPLETED)
                .setApiVersion(WebhookEndpointCreateParams.ApiVersion.VERSION_2026_07_29_DAHLIA)
                .build());
        assertThat(created.getId()).startsWith("we_");
        assertThat(created.getSecret()).startsWith("whsec_");
        assertThat(created.getApiVersion()).isEqualTo("2026-07-29.dahlia");
        WebhookEndpoint again = stripe().v1().webhookEndpoints().retrieve(created.getId());
        assertThat(again.getSecret()).isNull();
        assertThat(again.getEnabledEvents()).containsExactly("checkout.session.completed");
        stripe().v1().webhookEndpoints().delete(created.getId());

        InvalidRequestException elsewhere = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://169.254.169.254/latest/meta-data")
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHARGE__SUCCEEDED).build()));
        assertThat(elsewhere.getCode()).isEqualTo("url_invalid");
    }
}
