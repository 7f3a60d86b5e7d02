package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteCalculatorTest {

    private static QuoteLineInput line(String qty, String price, String currency, Adjustment discount, LineTax tax,
                                       BillingFrequency frequency) {
        return new QuoteLineInput(new BigDecimal(qty), Money.of(price, currency), discount, tax, frequency);
    }

    private static QuoteTotals calc(String currency, List<QuoteLineInput> lines, Adjustment quoteDiscount,
                                    Adjustment... fees) {
        return QuoteCalculator.calculate(Currency.getInstance(currency), lines, quoteDiscount, List.of(fees));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** One line, one rule at a time: the line's total after discount and tax, rounded HALF_UP. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain                        | 2     | 10.00  | EUR |         |       |          | 20.00  | 0.00",
            "fractional quantity          | 1.5   | 80.00  | EUR |         |       |          | 120.00 | 0.00",
            "percent discount, rounded    | 3     | 3.33   | EUR | %10     |       |          | 8.99   | 0.00",
            "amount discount              | 2     | 10.00  | EUR | =5      |       |          | 15.00  | 0.00",
            "amount discount capped       | 1     | 10.00  | EUR | =50     |       |          | 0.00   | 0.00",
            "exclusive tax                | 1     | 90.00  | EUR |         | 25    | false    | 112.50 | 22.50",
            "exclusive tax rounded        | 1     | 0.99   | EUR |         | 19    | false    | 1.18   | 0.19",
            "inclusive tax                | 1     | 125.00 | EUR |         | 25    | true     | 125.00 | 25.00",
            "inclusive tax rounded        | 1     | 10.00  | EUR |         | 19    | true     | 10.00  | 1.60",
            "discount before tax          | 1     | 100.00 | EUR | %10     | 20    | false    | 108.00 | 18.00",
            "JPY has no decimals          | 3     | 333    | JPY | %10     |       |          | 899    | 0",
            "JPY tax rounds to the yen    | 1     | 999    | JPY |         | 10    | false    | 1099   | 100",
            "KWD keeps three decimals     | 3     | 1.234  | KWD |         | 5     | false    | 3.887  | 0.185",
            "KWD discount                 | 1     | 10.000 | KWD | %12.5   |       |          | 8.750  | 0.000"})
    void a_single_line(String rule, String qty, String price, String currency, String discount, String taxRate,
                       Boolean inclusive, String expectedTotal, String expectedTax) {
        Adjustment lineDiscount = discount == null ? null : discount.startsWith("%")
                ? Adjustment.percent(discount.substring(1)) : Adjustment.amount(discount.substring(1));
        LineTax tax = taxRate == null ? null : new LineTax(new BigDecimal(taxRate), inclusive);
        QuoteTotals totals = calc(currency, List.of(line(qty, price, currency, lineDiscount, tax, null)), null);

        QuoteLineResult result = totals.lines().getFirst();
        assertThat(result.total()).isEqualTo(Money.of(expectedTotal, currency));
        assertThat(result.tax()).isEqualTo(Money.of(expectedTax, currency));
        assertThat(result.total().amount().scale()).isEqualTo(Money.decimalsOf(Currency.getInstance(currency)));
        assertThat(totals.firstPayment()).isEqualTo(result.total());
    }

    @Test
    void the_quote_discount_is_spread_in_proportion_so_each_line_is_taxed_on_its_share() {
        QuoteTotals totals = calc("EUR", List.of(
                line("1", "100.00", "EUR", null, LineTax.exclusive("25"), null),
                line("1", "50.00", "EUR", null, null, null)), Adjustment.percent("10"));

        assertThat(totals.subtotal()).isEqualTo(eur("150.00"));
        assertThat(totals.quoteDiscount()).isEqualTo(eur("15.00"));
        assertThat(totals.lines()).extracting(QuoteLineResult::quoteDiscountShare)
                .containsExactly(eur("10.00"), eur("5.00"));
        assertThat(totals.lines().getFirst().tax()).isEqualTo(eur("22.50"));
        assertThat(totals.firstPayment()).isEqualTo(eur("157.50"));
    }

    @Test
    void an_amount_discount_splits_into_cents_that_add_up_exactly() {
        QuoteTotals totals = calc("EUR", List.of(
                line("1", "1.00", "EUR", null, null, null),
                line("1", "1.00", "EUR", null, null, null),
                line("1", "1.00", "EUR", null, null, null)), Adjustment.amount("1.00"));

        assertThat(totals.lines()).extracting(QuoteLineResult::quoteDiscountShare)
                .containsExactly(eur("0.34"), eur("0.33"), eur("0.33"));
        assertThat(totals.firstPayment()).isEqualTo(eur("2.00"));
    }

    @Test
    void order_is_discounts_then_fees_then_taxes_and_fees_are_not_taxed() {
        QuoteTotals totals = calc("EUR", List.of(line("1", "100.00", "EUR", null, LineTax.exclusive("20"), null)),
                Adjustment.percent("10"), Adjustment.amount("10.00"), Adjustment.percent("5"));

        // discount: 100 → 90; fees: 10 + 5 % of 90 = 14.50; tax: 20 % of 90 = 18
        assertThat(totals.fees()).isEqualTo(eur("14.50"));
        assertThat(totals.taxAdded()).isEqualTo(eur("18.00"));
        assertThat(totals.firstPayment()).isEqualTo(eur("122.50"));
    }

    @Test
    void recurring_lines_are_totalled_per_billing_frequency_and_the_first_payment_holds_one_period_of_each() {
        QuoteTotals totals = calc("EUR", List.of(
                line("1", "500.00", "EUR", null, null, null),
                line("2", "20.00", "EUR", null, LineTax.exclusive("25"), BillingFrequency.MONTHLY),
                line("1", "10.00", "EUR", null, null, BillingFrequency.MONTHLY),
                line("1", "100.00", "EUR", null, null, BillingFrequency.YEARLY)), null, Adjustment.amount("25.00"));

        assertThat(totals.oneTimeTotal()).isEqualTo(eur("525.00"));
        assertThat(totals.recurringTotals()).containsExactly(
                java.util.Map.entry(BillingFrequency.MONTHLY, eur("60.00")),
                java.util.Map.entry(BillingFrequency.YEARLY, eur("100.00")));
        assertThat(totals.firstPayment()).isEqualTo(eur("685.00"));
    }

    @Test
    void inclusive_and_exclusive_taxes_are_reported_apart() {
        QuoteTotals totals = calc("EUR", List.of(
                line("1", "119.00", "EUR", null, LineTax.inclusive("19"), null),
                line("1", "100.00", "EUR", null, LineTax.exclusive("7"), null)), null);
        assertThat(totals.taxIncluded()).isEqualTo(eur("19.00"));
        assertThat(totals.taxAdded()).isEqualTo(eur("7.00"));
        assertThat(totals.firstPayment()).isEqualTo(eur("226.00"));
    }

    @Test
    void a_discount_larger_than_the_quote_leaves_zero_not_a_negative_total() {
        QuoteTotals totals = calc("EUR", List.of(line("1", "30.00", "EUR", null, null, null)),
                Adjustment.amount("50.00"));
        assertThat(totals.quoteDiscount()).isEqualTo(eur("30.00"));
        assertThat(totals.firstPayment()).isEqualTo(eur("0.00"));
    }

    @Test
    void five_hundred_lines_add_up_exactly() {
        List<QuoteLineInput> lines = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            lines.add(line(Integer.toString(i % 7 + 1), "1" + i + ".37", "EUR", Adjustment.percent("3"),
                    LineTax.exclusive("21"), i % 3 == 0 ? BillingFrequency.MONTHLY : null));
        }
        QuoteTotals totals = calc("EUR", lines, Adjustment.amount("1234.56"), Adjustment.percent("2"));
        Money shares = totals.lines().stream().map(QuoteLineResult::quoteDiscountShare)
                .reduce(Money.zero(Currency.getInstance("EUR")), Money::plus);
        assertThat(shares).isEqualTo(eur("1234.56"));
        Money lineTotals = totals.lines().stream().map(QuoteLineResult::total)
                .reduce(Money.zero(Currency.getInstance("EUR")), Money::plus);
        assertThat(totals.firstPayment()).isEqualTo(lineTotals.plus(totals.fees()));
    }

    @Test
    void a_discount_on_the_first_payment_only_leaves_the_renewals_at_full_price() {
        List<QuoteLineInput> lines = List.of(line("1", "1000.00", "EUR", null, null, null),
                line("1", "100.00", "EUR", null, new LineTax(new BigDecimal("20"), false), BillingFrequency.MONTHLY));
        QuoteTotals firstOnly = QuoteCalculator.calculate(Currency.getInstance("EUR"), lines, List.of(),
                List.of(Adjustment.percent("10")), List.of());
        assertThat(firstOnly.quoteDiscount()).isEqualTo(eur("110.00"));
        assertThat(firstOnly.oneTimeTotal()).isEqualTo(eur("900.00"));
        // First month: 100 − 10 + 20 % tax = 108; every later month: 100 + 20 % = 120.
        assertThat(firstOnly.firstPayment()).isEqualTo(eur("1008.00"));
        assertThat(firstOnly.recurringTotals()).containsEntry(BillingFrequency.MONTHLY, eur("120.00"));

        QuoteTotals everyPayment = QuoteCalculator.calculate(Currency.getInstance("EUR"), lines,
                List.of(Adjustment.percent("10")), List.of(), List.of());
        assertThat(everyPayment.firstPayment()).isEqualTo(eur("1008.00"));
        assertThat(everyPayment.recurringTotals()).containsEntry(BillingFrequency.MONTHLY, eur("108.00"));
    }
}
