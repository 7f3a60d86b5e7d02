package com.commercehub.subscription;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyRecurringRevenueTest {

    @Test
    void periods_are_normalised_to_a_month_and_rounded_once_to_the_currency() {
        assertThat(MonthlyRecurringRevenue.of(Money.of("99.00", "EUR"), "month", 1)).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(MonthlyRecurringRevenue.of(Money.of("1000.00", "EUR"), "year", 1)).isEqualTo(Money.of("83.33", "EUR"));
        assertThat(MonthlyRecurringRevenue.of(Money.of("300.00", "EUR"), "month", 3)).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(MonthlyRecurringRevenue.of(Money.of("10.00", "USD"), "week", 1)).isEqualTo(Money.of("43.33", "USD"));
        assertThat(MonthlyRecurringRevenue.of(Money.of("1.00", "USD"), "day", 1)).isEqualTo(Money.of("30.42", "USD"));
    }

    @Test
    void zero_and_three_decimal_currencies_keep_their_decimals() {
        assertThat(MonthlyRecurringRevenue.of(Money.of("10000", "JPY"), "year", 1)).isEqualTo(Money.of("833", "JPY"));
        assertThat(MonthlyRecurringRevenue.of(Money.of("100.000", "KWD"), "year", 1)).isEqualTo(Money.of("8.333", "KWD"));
    }

    @Test
    void stripe_statuses_with_pause_and_scheduled_end_read_as_the_list_shows_them() {
        assertThat(SubscriptionState.of("active", false, false)).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(SubscriptionState.of("active", true, true)).isEqualTo(SubscriptionState.PAUSED);
        assertThat(SubscriptionState.of("active", false, true)).isEqualTo(SubscriptionState.SCHEDULED_TO_CANCEL);
        assertThat(SubscriptionState.of("trialing", false, false)).isEqualTo(SubscriptionState.TRIALING);
        assertThat(SubscriptionState.of("unpaid", false, false)).isEqualTo(SubscriptionState.PAST_DUE);
        assertThat(SubscriptionState.of("canceled", false, true)).isEqualTo(SubscriptionState.CANCELED);
    }
}
