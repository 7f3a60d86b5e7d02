package com.commercehub.base.time;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The time business rules run on: the wall clock plus any {@link TimeShift}. Audit timestamps
 * (created, updated) stay on the plain {@link Clock}.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;
    private final List<TimeShift> shifts;

    public BusinessCalendar(Clock clock, List<TimeShift> shifts) {
        this.clock = clock;
        this.shifts = List.copyOf(shifts);
    }

    public Instant now() {
        Instant now = clock.instant();
        for (TimeShift shift : shifts) {
            now = now.plus(shift.shift());
        }
        return now;
    }

    /** Today in the server's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), clock.getZone());
    }
}
