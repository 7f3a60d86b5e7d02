package com.commercehub.stripe;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** Every special rule of Stripe's minor units (../shared/stripe/FACTS.md), one row each. */
class StripeAmountsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // ordinary two-decimal currencies: x100
            "USD, 10.99, 1099",
            "EUR, 0.50, 50",
            "GBP, 1234.56, 123456",
            // HUF and TWD are sent with two decimals
            "HUF, 175.00, 17500",
            "TWD, 30, 3000",
            // zero-decimal currencies: as is
            "JPY, 500, 500",
            "KRW, 15000, 15000",
            "CLP, 990, 990",
            "VND, 25000, 25000",
            "XOF, 1000, 1000",
            "BIF, 7, 7",
            // rounding to what Stripe can charge is explicit HALF_UP
            "JPY, 500.5, 501",
            "EUR, 10.005, 1001",
            "EUR, 10.004, 1000",
            // ISK and UGX: zero-decimal but sent x100 and divisible by 100
            "ISK, 1500, 150000",
            "UGX, 3700, 370000",
            "ISK, 99.5, 10000",
            // three-decimal: x1000 with the last digit 0
            "KWD, 1.234, 1230",
            "KWD, 1.235, 1240",
            "BHD, 12.5, 12500",
            "JOD, 0.999, 1000",
            "OMR, 3.10, 3100",
            "TND, 7.001, 7000"})
    void converts_to_minor_units(String currency, String amount, long expected) {
        long minor = StripeAmounts.toMinorUnits(Money.of(amount, currency));
        assertThat(minor).isEqualTo(expected);
        if (StripeAmounts.ZERO_DECIMAL_SENT_AS_TWO.contains(currency)) {
            assertThat(minor % 100).isZero();
        }
        if (StripeAmounts.THREE_DECIMAL.contains(currency)) {
            assertThat(minor % 10).isZero();
        }
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @CsvSource({
            "USD, 1099, 10.99",
            "JPY, 500, 500",
            "ISK, 150000, 1500",
            "UGX, 370000, 3700",
            "KWD, 1230, 1.230",
            "HUF, 17500, 175.00"})
    void converts_back_from_minor_units(String currency, long minor, String expected) {
        Money money = StripeAmounts.fromMinorUnits(minor, currency.toLowerCase());
        assertThat(money).isEqualTo(Money.of(expected, currency));
    }

    @Test
    void round_trip_keeps_chargeable_amounts() {
        for (String row : new String[]{"USD 12.34", "JPY 777", "ISK 1200", "KWD 5.120", "EUR 0.01"}) {
            String[] parts = row.split(" ");
            Money money = Money.of(parts[1], parts[0]);
            assertThat(StripeAmounts.isExactlyRepresentable(money)).isTrue();
            assertThat(StripeAmounts.fromMinorUnits(StripeAmounts.toMinorUnits(money), money.currency()))
                    .isEqualTo(money);
        }
    }

    @Test
    void tells_when_conversion_would_round() {
        assertThat(StripeAmounts.isExactlyRepresentable(Money.of("1.234", "KWD"))).isFalse();
        assertThat(StripeAmounts.isExactlyRepresentable(Money.of("1.23", "KWD"))).isTrue();
        assertThat(StripeAmounts.isExactlyRepresentable(Money.of("10.5", "ISK"))).isFalse();
        assertThat(StripeAmounts.isExactlyRepresentable(Money.of("10.005", "EUR"))).isFalse();
    }

    @Test
    void currency_parameter_is_lower_case() {
        assertThat(StripeAmounts.currencyParam(Currency.getInstance("EUR"))).isEqualTo("eur");
    }
}
