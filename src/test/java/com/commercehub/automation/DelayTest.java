package com.commercehub.automation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DelayTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant TRIGGERED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void three_days_before_the_date_is_at_the_send_hour_in_the_business_zone() {
        Delay delay = new Delay(Delay.Kind.BEFORE_DATE, 3, Delay.Unit.DAYS);
        assertThat(delay.dueAt(TRIGGERED, LocalDate.of(2026, 7, 20), BERLIN, 9))
                .isEqualTo(Instant.parse("2026-07-17T07:00:00Z"));
        assertThat(delay.dueAt(TRIGGERED, null, BERLIN, 9)).isNull();
    }

    @Test
    void days_keep_the_wall_clock_across_summer_time_while_hours_do_not() {
        assertThat(new Delay(Delay.Kind.AFTER_TRIGGER, 30, Delay.Unit.DAYS).dueAt(TRIGGERED, null, BERLIN, 9))
                .isEqualTo(Instant.parse("2026-04-01T07:00:00Z"));
        assertThat(new Delay(Delay.Kind.AFTER_TRIGGER, 720, Delay.Unit.HOURS).dueAt(TRIGGERED, null, BERLIN, 9))
                .isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        assertThat(Delay.NONE.dueAt(TRIGGERED, null, BERLIN, 9)).isEqualTo(TRIGGERED);
        assertThat(new Delay(Delay.Kind.AFTER_DATE, 2, Delay.Unit.HOURS).dueAt(TRIGGERED, LocalDate.of(2026, 3, 10),
                ZoneId.of("UTC"), 9)).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
    }
}
