package com.commercehub.stripe;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class ChargeLimitsTest {

    @ParameterizedTest(name = "{0} {1} is below the minimum of {2}")
    @CsvSource({"USD, 0.49, 0.50", "EUR, 0.10, 0.50", "GBP, 0.29, 0.30", "DKK, 2.49, 2.50", "SEK, 2.99, 3.00",
            "PLN, 1.99, 2.00", "JPY, 49, 50", "HUF, 174.99, 175.00", "CZK, 14.99, 15.00"})
    void below_minimum_is_a_violation(String currency, String amount, String minimum) {
        assertThat(ChargeLimits.check(Money.of(amount, currency)))
                .contains(new ChargeLimits.Violation.BelowMinimum(Money.of(minimum, currency)));
    }

    @ParameterizedTest(name = "{0} {1} is allowed")
    @CsvSource({"USD, 0.50", "EUR, 999999.99", "JPY, 50", "GBP, 0.30", "USD, 0", "KWD, 0.100", "ISK, 500"})
    void amounts_within_limits_pass(String currency, String amount) {
        assertThat(ChargeLimits.check(Money.of(amount, currency))).isEmpty();
    }

    @Test
    void more_than_eight_minor_unit_digits_is_a_violation() {
        assertThat(ChargeLimits.check(Money.of("1000000.00", "USD")))
                .contains(new ChargeLimits.Violation.AboveMaximum(Money.of("999999.99", "USD")));
        assertThat(ChargeLimits.check(Money.of("100000000", "JPY")))
                .contains(new ChargeLimits.Violation.AboveMaximum(Money.of("99999999", "JPY")));
        // ISK is sent x100 and whole krónur only; KWD has two usable decimals.
        assertThat(ChargeLimits.maximumFor(Currency.getInstance("ISK"))).isEqualTo(Money.of("999999", "ISK"));
        assertThat(ChargeLimits.maximumFor(Currency.getInstance("KWD"))).isEqualTo(Money.of("99999.99", "KWD"));
    }

    @Test
    void unknown_minimum_is_not_guessed() {
        assertThat(ChargeLimits.minimumFor(Currency.getInstance("KWD"))).isEmpty();
    }
}
