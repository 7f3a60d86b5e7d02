package com.commercehub.checkout;

import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.QuoteContent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutPlanTest {

    private static LineItemDraft line(String name, String quantity, String price, DiscountKind discount,
                                      String discountValue, String tax, boolean inclusive, BillingFrequency frequency) {
        return new LineItemDraft(null, name, null, new BigDecimal(quantity), new BigDecimal(price), discount,
                discountValue == null ? null : new BigDecimal(discountValue), tax == null ? null : new BigDecimal(tax),
                inclusive, frequency, null);
    }

    private static QuoteContent content(String currency, List<LineItemDraft> lines, List<AdjustmentDraft> adjustments) {
        return new QuoteContent("Q-1", 1, "Title", Currency.getInstance(currency), "de", LocalDate.of(2030, 1, 1),
                null, null, "Erika", "erika@acme.example", "Acme", "sam@example.com", "Sam", lines, adjustments,
                false, null, true, null, null);
    }

    private static AdjustmentDraft discount(Adjustment adjustment) {
        return new AdjustmentDraft(AdjustmentDraft.Type.DISCOUNT, "Loyalty", adjustment);
    }

    private static AdjustmentDraft fee(Adjustment adjustment) {
        return new AdjustmentDraft(AdjustmentDraft.Type.FEE, "Set-up fee", adjustment);
    }

    @Test
    void a_discounted_line_is_sent_per_unit_when_its_net_divides_evenly() {
        CheckoutPlan plan = CheckoutPlan.of(content("EUR", List.of(
                line("Licence", "2", "49.90", DiscountKind.AMOUNT, "5.00", "7", true, null)), List.of()), Locale.GERMAN);

        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Licence");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.unitAmount()).isEqualTo(4_740);
            assertThat(l.tax()).isEqualTo(new CheckoutPlan.Tax(new BigDecimal("7"), true));
        });
        assertThat(plan.subscription()).isFalse();
        assertThat(plan.expectedTotal()).isEqualTo(9_480);
    }

    @Test
    void a_net_that_does_not_split_into_equal_units_is_one_unit_named_with_its_quantity() {
        CheckoutPlan plan = CheckoutPlan.of(content("EUR", List.of(
                line("Workshop", "3", "333.33", DiscountKind.PERCENT, "10", null, false, null),
                line("Hours", "2.5", "80.00", null, null, null, false, null)), List.of()), Locale.GERMAN);

        assertThat(plan.lines()).extracting(CheckoutPlan.Line::name, CheckoutPlan.Line::quantity,
                        CheckoutPlan.Line::unitAmount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3 × Workshop", 1L, 89_999L),
                        org.assertj.core.groups.Tuple.tuple("2,5 × Hours", 1L, 20_000L));
    }

    @Test
    void recurring_lines_make_a_subscription_whose_percentage_coupon_lasts_forever_and_spares_the_fee() {
        CheckoutPlan plan = CheckoutPlan.of(content("EUR", List.of(
                        line("Support", "1", "120.00", null, null, "19", false, null),
                        line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.QUARTERLY)),
                List.of(discount(Adjustment.percent("12.5")), fee(Adjustment.amount("25.00")))), Locale.ENGLISH);

        assertThat(plan.subscription()).isTrue();
        assertThat(plan.lines().get(1).interval()).isEqualTo("month");
        assertThat(plan.lines().get(1).intervalCount()).isEqualTo(3);
        assertThat(plan.lines().get(2)).satisfies(l -> {
            assertThat(l.fee()).isTrue();
            assertThat(l.tax()).isNull();
            assertThat(l.unitAmount()).isEqualTo(2_500);
        });
        assertThat(plan.coupon()).isEqualTo(new CheckoutPlan.Coupon("Loyalty", null, new BigDecimal("12.5"), true, true));
        // The fee has no tax rate: a default rate on the subscription would tax it on the first invoice.
        assertThat(plan.subscriptionDefaultTax()).isEmpty();
    }

    @Test
    void a_discount_on_the_first_payment_only_is_a_coupon_used_once() {
        CheckoutPlan plan = CheckoutPlan.of(content("EUR", List.of(
                        line("Licence", "1", "99.00", null, null, null, false, BillingFrequency.MONTHLY)),
                List.of(new AdjustmentDraft(AdjustmentDraft.Type.DISCOUNT, "Welcome", Adjustment.percent("50"),
                        AdjustmentDraft.AppliesTo.FIRST_PAYMENT))), Locale.ENGLISH);

        assertThat(plan.subscription()).isTrue();
        assertThat(plan.coupon()).isEqualTo(new CheckoutPlan.Coupon("Welcome", null, new BigDecimal("50"), false, false));
        assertThat(plan.expectedTotal()).isEqualTo(4_950L);
    }

    @Test
    void every_line_taxed_alike_gives_the_subscription_that_rate_as_its_default() {
        CheckoutPlan plan = CheckoutPlan.of(content("EUR", List.of(
                line("Set-up", "1", "120.00", null, null, "19.0", false, null),
                line("Licence", "1", "99.00", null, null, "19", false, BillingFrequency.MONTHLY)), List.of()), Locale.ENGLISH);

        assertThat(plan.subscriptionDefaultTax()).contains(new CheckoutPlan.Tax(new BigDecimal("19"), false));
    }

    @Test
    void in_payment_mode_the_discount_is_its_exact_amount_once() {
        CheckoutPlan plan = CheckoutPlan.of(content("JPY", List.of(
                        line("Tea", "3", "1001", null, null, "10", false, null)),
                List.of(discount(Adjustment.percent("7")))), Locale.ENGLISH);

        // 7 % of 3,003 is 210.21: the quote takes 210 off, and so does the coupon.
        assertThat(plan.coupon()).isEqualTo(new CheckoutPlan.Coupon("Loyalty", 210L, null, false, false));
        assertThat(plan.currency()).isEqualTo("jpy");
    }

    @Test
    void fees_are_charged_as_the_calculator_rounds_them() {
        CheckoutPlan plan = CheckoutPlan.of(content("JPY", List.of(
                        line("Tea", "3", "12800", null, null, null, false, null)),
                List.of(discount(Adjustment.amount("1500")), fee(Adjustment.percent("3")))), Locale.ENGLISH);

        // 3 % of 38,400 − 1,500 = 1,107
        assertThat(plan.lines().getLast().unitAmount()).isEqualTo(1_107);
        assertThat(plan.coupon().linesOnly()).isTrue();
        assertThat(plan.expectedTotal()).isEqualTo(38_400 - 1_500 + 1_107);
    }

    @Test
    void an_amount_stripe_cannot_charge_exactly_is_refused() {
        // KWD is charged in steps of 0.010: 1.234 has no exact Stripe amount.
        assertThatThrownBy(() -> CheckoutPlan.of(content("KWD", List.of(
                line("Item", "1", "1.234", null, null, null, false, null)), List.of()), Locale.ENGLISH))
                .isInstanceOf(CheckoutPlan.NotRepresentable.class);
    }

    @Test
    void three_decimal_currencies_send_units_that_stripe_can_charge() {
        CheckoutPlan plan = CheckoutPlan.of(content("KWD", List.of(
                line("Licence", "2", "12.500", DiscountKind.AMOUNT, "1.100", "5", true, null),
                line("Pens", "4", "0.005", null, null, null, false, null)), List.of()), Locale.ENGLISH);

        assertThat(plan.lines().get(0).unitAmount()).isEqualTo(11_950);
        // 4 × 0.005 = 0.020 is chargeable, 0.005 a unit is not: one unit of 0.020.
        assertThat(plan.lines().get(1).quantity()).isEqualTo(1);
        assertThat(plan.lines().get(1).unitAmount()).isEqualTo(20);
    }
}
