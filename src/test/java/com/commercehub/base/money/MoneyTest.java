package com.commercehub.base.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void arithmetic_is_exact_and_never_rounds_implicitly() {
        Money price = Money.of("0.10", "EUR");
        Money sum = price.plus(price).plus(price);
        assertThat(sum).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("10.00", "EUR").times(new BigDecimal("0.333")).amount())
                .isEqualByComparingTo("3.33000");
    }

    @Test
    void amounts_of_different_scale_are_equal() {
        assertThat(Money.of("1.5", "USD")).isEqualTo(Money.of("1.50", "USD"));
        assertThat(Money.of("1.5", "USD").hashCode()).isEqualTo(Money.of("1.50", "USD").hashCode());
    }

    @Test
    void mixing_currencies_is_refused() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @ParameterizedTest(name = "{0} {1} rounded {2} = {3}")
    @CsvSource({
            "EUR, 2.345, HALF_UP, 2.35",
            "EUR, 2.344, HALF_UP, 2.34",
            "EUR, -2.345, HALF_UP, -2.35",
            "JPY, 1234.5, HALF_UP, 1235",
            "JPY, 1234.4, HALF_UP, 1234",
            "KWD, 1.2345, HALF_UP, 1.235",
            "ISK, 99.5, HALF_UP, 100",
            "HUF, 10.005, HALF_UP, 10.01",
            "EUR, 2.345, HALF_EVEN, 2.34",
            "EUR, 2.341, UP, 2.35"})
    void rounds_to_the_currency_decimals_with_the_given_mode(String currency, String amount, RoundingMode mode,
                                                             String expected) {
        Money rounded = Money.of(amount, currency).rounded(mode);
        assertThat(rounded.amount()).isEqualByComparingTo(expected);
        assertThat(rounded.amount().scale()).isEqualTo(Money.of(amount, currency).currencyDecimals());
    }

    @Test
    void percent_is_exact() {
        assertThat(Money.of("10.00", "EUR").percent(new BigDecimal("12.5"))).isEqualTo(Money.of("1.25", "EUR"));
        assertThat(Money.of("99.99", "EUR").percent(new BigDecimal("19")).amount()).isEqualByComparingTo("18.9981");
    }

    @Test
    void knows_whether_an_amount_fits_the_currency() {
        assertThat(Money.of("10.50", "EUR").hasCurrencyPrecision()).isTrue();
        assertThat(Money.of("10.505", "EUR").hasCurrencyPrecision()).isFalse();
        assertThat(Money.of("100.0", "JPY").hasCurrencyPrecision()).isTrue();
        assertThat(Money.of("100.5", "JPY").hasCurrencyPrecision()).isFalse();
        assertThat(Money.of("1.234", "KWD").hasCurrencyPrecision()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} in {2} = {3}")
    @CsvSource(delimiter = '|', value = {
            "EUR | 1234.5  | en    | €1,234.50",
            "EUR | 1234.5  | de-DE | 1.234,50 €",
            "JPY | 1234    | en-US | ¥1,234",
            "KWD | 1.5     | en    | KWD1.500",
            "USD | -20     | en-US | -$20.00",
            "EUR | 0.125   | en    | €0.125"})
    void formats_for_the_locale(String currency, String amount, String locale, String expected) {
        String formatted = MoneyFormatter.format(Money.of(amount, currency), Locale.forLanguageTag(locale));
        assertThat(formatted.replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo(expected.replace('\u00a0', ' '));
    }

    @Test
    void formats_in_danish_swedish_polish_and_italian() {
        Money money = Money.of("1234.5", "DKK");
        assertThat(MoneyFormatter.format(money, Locale.of("da", "DK"))).contains("1.234,50").contains("kr");
        assertThat(MoneyFormatter.format(Money.of("1234.5", "SEK"), Locale.of("sv", "SE"))
                .replace('\u00a0', ' ')).contains("1 234,50").contains("kr");
        assertThat(MoneyFormatter.format(Money.of("1234.5", "PLN"), Locale.of("pl", "PL"))
                .replace('\u00a0', ' ')).contains("1 234,50").contains("zł");
        assertThat(MoneyFormatter.format(Money.of("1234.5", "EUR"), Locale.of("it", "IT"))).contains("1.234,50");
    }
}
