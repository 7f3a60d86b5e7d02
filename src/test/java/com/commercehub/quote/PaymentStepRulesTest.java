package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStepRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<Currency> CHARGEABLE = Set.of(EUR, Currency.getInstance("USD"));

    private static PaymentStepRules.Line oneTime(String name, String net) {
        return new PaymentStepRules.Line(name, Money.of(net, "EUR"), null, null);
    }

    private static PaymentStepRules.Line recurring(String name, String net, BillingFrequency frequency, Integer term) {
        return new PaymentStepRules.Line(name, Money.of(net, "EUR"), frequency, term);
    }

    private static List<String> violations(List<PaymentStepRules.Line> lines, int discounts, String due) {
        return PaymentStepRules.check(EUR, lines, discounts, Money.of(due, "EUR"), CHARGEABLE).violations().stream()
                .map(PaymentStepRules.Finding::messageKey).toList();
    }

    @Test
    void a_plain_quote_may_collect_payment() {
        var result = PaymentStepRules.check(EUR, List.of(oneTime("Workshop", "1200.00")), 1, Money.of("1200.00", "EUR"),
                CHARGEABLE);
        assertThat(result.allowed()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void the_currency_must_be_one_the_account_can_charge() {
        var result = PaymentStepRules.check(Currency.getInstance("ISK"),
                List.of(new PaymentStepRules.Line("Tour", Money.of("5000", "ISK"), null, null)), 0,
                Money.of("5000", "ISK"), CHARGEABLE);
        assertThat(result.violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.currency");
        assertThat(result.violations().getFirst().args()).containsExactly("ISK");
    }

    @Test
    void every_line_must_be_worth_more_than_zero() {
        assertThat(violations(List.of(oneTime("Paid", "10.00"), oneTime("Free gift", "0.00")), 0, "10.00"))
                .containsExactly("quote.payment.line-not-positive");
    }

    @Test
    void recurring_lines_must_share_one_frequency_but_one_time_lines_may_mix_in() {
        assertThat(violations(List.of(recurring("A", "10.00", BillingFrequency.MONTHLY, null),
                recurring("B", "10.00", BillingFrequency.MONTHLY, null), oneTime("Setup", "50.00")), 0, "70.00"))
                .isEmpty();
        assertThat(violations(List.of(recurring("A", "10.00", BillingFrequency.MONTHLY, null),
                recurring("B", "100.00", BillingFrequency.YEARLY, null)), 0, "110.00"))
                .containsExactly("builder.payment.line-frequency");
    }

    @Test
    void a_line_off_the_common_frequency_is_named_with_its_number_and_both_frequencies() {
        var result = PaymentStepRules.check(EUR, List.of(oneTime("Setup", "50.00"),
                recurring("Licence", "10.00", BillingFrequency.MONTHLY, null),
                recurring("Support", "100.00", BillingFrequency.YEARLY, null),
                recurring("Seats", "10.00", BillingFrequency.MONTHLY, null)), 0, Money.of("170.00", "EUR"), CHARGEABLE);
        assertThat(result.violations()).singleElement().satisfies(finding -> {
            assertThat(finding.messageKey()).isEqualTo("builder.payment.line-frequency");
            assertThat(finding.args()).containsExactly(3, "Support", BillingFrequency.YEARLY, BillingFrequency.MONTHLY);
        });
    }

    @Test
    void an_amount_discount_on_the_first_payment_only_never_reaches_the_renewals() {
        var lines = List.of(oneTime("Setup", "50.00"), recurring("Licence", "10.00", BillingFrequency.MONTHLY, null));
        assertThat(PaymentStepRules.check(EUR, lines, List.of(Adjustment.Kind.AMOUNT), false,
                Money.of("55.00", "EUR"), CHARGEABLE).violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.amount-discount-renewals");
        assertThat(PaymentStepRules.check(EUR, lines, List.of(Adjustment.Kind.AMOUNT), true,
                Money.of("55.00", "EUR"), CHARGEABLE).violations()).isEmpty();
    }

    @Test
    void recurring_lines_may_not_have_a_term() {
        assertThat(violations(List.of(recurring("Plan", "10.00", BillingFrequency.MONTHLY, 12)), 0, "10.00"))
                .containsExactly("quote.payment.recurring-term");
    }

    @Test
    void at_most_one_quote_discount() {
        assertThat(violations(List.of(oneTime("A", "10.00")), 2, "10.00")).containsExactly("quote.payment.one-discount");
    }

    @Test
    void the_amount_due_must_be_within_stripes_limits() {
        assertThat(violations(List.of(oneTime("Sticker", "0.40")), 0, "0.40")).containsExactly("quote.payment.below-minimum");
        assertThat(violations(List.of(oneTime("Plane", "1000000.00")), 0, "1000000.00"))
                .containsExactly("quote.payment.above-maximum");
    }

    @Test
    void checkout_line_limits_apply() {
        List<PaymentStepRules.Line> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(oneTime("Item " + i, "1.00"));
        }
        assertThat(violations(many, 0, "101.00")).containsExactly("quote.payment.too-many-lines");
        List<PaymentStepRules.Line> subscription = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            subscription.add(recurring("Seat " + i, "1.00", BillingFrequency.MONTHLY, null));
        }
        assertThat(violations(subscription, 0, "21.00")).containsExactly("quote.payment.too-many-subscription-lines");
    }

    @Test
    void recurring_lines_bring_the_3ds_renewal_warning_without_blocking() {
        var result = PaymentStepRules.check(EUR, List.of(recurring("Plan", "10.00", BillingFrequency.MONTHLY, null)), 0,
                Money.of("10.00", "EUR"), CHARGEABLE);
        assertThat(result.allowed()).isTrue();
        assertThat(result.warnings()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.renewals-3ds");
    }

    @Test
    void every_problem_is_listed_at_once() {
        assertThat(violations(List.of(recurring("Plan", "0.00", BillingFrequency.MONTHLY, 12),
                recurring("Other", "5.00", BillingFrequency.YEARLY, null)), 2, "5.00"))
                .containsExactlyInAnyOrder("quote.payment.line-not-positive", "quote.payment.recurring-term",
                        "builder.payment.line-frequency", "quote.payment.one-discount");
    }

    @Test
    void an_amount_discount_shared_by_one_time_and_recurring_lines_is_refused() {
        List<PaymentStepRules.Line> mixed = List.of(oneTime("Set-up", "100.00"),
                recurring("Plan", "10.00", BillingFrequency.MONTHLY, null));
        Set<Currency> chargeable = CHARGEABLE;
        assertThat(PaymentStepRules.check(EUR, mixed, List.of(Adjustment.Kind.AMOUNT), Money.of("100.00", "EUR"),
                chargeable).violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.amount-discount-renewals");
        assertThat(PaymentStepRules.check(EUR, mixed, List.of(Adjustment.Kind.PERCENT), Money.of("100.00", "EUR"),
                chargeable).allowed()).isTrue();
        // Only recurring lines: the same amount comes off every period, as the quote shows.
        assertThat(PaymentStepRules.check(EUR, List.of(recurring("Plan", "10.00", BillingFrequency.MONTHLY, null)),
                List.of(Adjustment.Kind.AMOUNT), Money.of("5.00", "EUR"), chargeable).allowed()).isTrue();
    }

    @Test
    void three_decimal_amounts_must_be_ones_stripe_can_charge() {
        Currency kwd = Currency.getInstance("KWD");
        var result = PaymentStepRules.check(kwd, List.of(new PaymentStepRules.Line("Pen", Money.of("1.235", "KWD"), null,
                null), new PaymentStepRules.Line("Ink", Money.of("2.250", "KWD"), null, null)), List.of(),
                Money.of("3.485", "KWD"), Set.of(kwd));
        assertThat(result.violations()).extracting(PaymentStepRules.Finding::messageKey)
                .containsExactly("quote.payment.precision", "quote.payment.total-precision");
        assertThat(result.violations().getFirst().args()).containsExactly("Pen", 2);
    }
}
