package com.commercehub.base.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people type them in their language, and what is no amount at all. */
class AmountParsingTest {

    @ParameterizedTest(name = "{0}: \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "en | 1,200.00   | 1200.00",
            "en | 1200.5     | 1200.5",
            "de | 1.200,00   | 1200.00",
            "de | 1200,5     | 1200.5",
            "pl | 1 200,00   | 1200.00",
            "pl | 1200,50    | 1200.50",
            "it | 12.345,678 | 12345.678",
    })
    void the_locales_decimal_and_grouping_separators_are_read(String language, String typed, String expected) {
        assertThat(Formats.parseAmount(typed, Locale.forLanguageTag(language)))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "en | 12abc",
            "en | 1,2,3",
            "de | 1.200.0",
            "de | 1,200.00",
            "en | ''",
    })
    void text_that_is_not_wholly_an_amount_is_not_read_as_one(String language, String typed) {
        assertThat(Formats.parseAmount(typed, Locale.forLanguageTag(language))).isEmpty();
    }
}
