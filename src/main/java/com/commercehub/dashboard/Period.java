package com.commercehub.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days {@code from} to {@code to}, both included (UTC business days, as payments are booked). */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends on or after its start");
        }
    }

    /** The period of the same length that ends the day before this one starts. */
    public Period previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }
}
