package com.commercehub.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the actions run: at once, a fixed time after the trigger, or relative to the record's date ("3 days
 * before expiry"), at the business's send hour in its time zone.
 */
public record Delay(Kind kind, int amount, Unit unit) {

    public static final int MAX_AMOUNT = 3650;
    public static final Delay NONE = new Delay(Kind.NONE, 0, Unit.DAYS);

    public enum Kind {
        NONE, AFTER_TRIGGER, BEFORE_DATE, AFTER_DATE;

        public boolean relativeToDate() {
            return this == BEFORE_DATE || this == AFTER_DATE;
        }

        public String messageKey() {
            return "automation.delay." + name();
        }
    }

    public enum Unit {
        MINUTES, HOURS, DAYS;

        public String messageKey() {
            return "automation.unit." + name();
        }
    }

    public Delay {
        kind = kind == null ? Kind.NONE : kind;
        unit = unit == null ? Unit.DAYS : unit;
        if (kind == Kind.NONE) {
            amount = 0;
        }
    }

    /** The due time; null when it is relative to a date the record does not have. */
    public Instant dueAt(Instant triggeredAt, LocalDate recordDate, ZoneId zone, int sendHour) {
        return switch (kind) {
            case NONE -> triggeredAt;
            case AFTER_TRIGGER -> shift(triggeredAt.atZone(zone), amount).toInstant();
            case BEFORE_DATE, AFTER_DATE -> {
                if (recordDate == null) {
                    yield null;
                }
                ZonedDateTime base = recordDate.atTime(sendHour, 0).atZone(zone);
                yield shift(base, kind == Kind.BEFORE_DATE ? -amount : amount).toInstant();
            }
        };
    }

    // Days move by calendar days in the zone, so "30 days later" stays at the same wall-clock hour across DST.
    private ZonedDateTime shift(ZonedDateTime from, int by) {
        return switch (unit) {
            case MINUTES -> from.plus(Duration.ofMinutes(by));
            case HOURS -> from.plus(Duration.ofHours(by));
            case DAYS -> from.plusDays(by);
        };
    }
}
