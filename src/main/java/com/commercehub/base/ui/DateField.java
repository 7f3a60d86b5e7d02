package com.commercehub.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The date field of every staff view. A bare {@link DatePicker} turns text it cannot read ("31.02.", "tomorrow")
 * into an empty value without a word, which instant-save views then stored or reverted; this one writes and reads
 * dates in the user's own format, says "Enter a date like 31.12.2026" next to the field, and tells the view through
 * {@link #hasUnreadableInput()} that the empty value is no choice the user made, so it must not be saved.
 */
public class DateField extends DatePicker {

    private Locale appliedTo;
    private LocalDate lastRead;

    public DateField() {
        localize();
        addValueChangeListener(change -> {
            if (!hasUnreadableInput()) {
                lastRead = change.getValue();
            }
        });
    }

    public DateField(String label) {
        this();
        setLabel(label);
    }

    /** True while the field shows text that is no date; its value is then empty, which must not be saved. */
    public boolean hasUnreadableInput() {
        return isInputUnparsable();
    }

    /** The last date the field could read: what a filter keeps using while the field shows unreadable text. */
    public LocalDate lastReadValue() {
        return hasUnreadableInput() ? lastRead : getValue();
    }

    /**
     * Whether any of {@code fields} holds text that is no date. Those fields say so again next to themselves (a
     * view's "clear all problems" may have hidden it), so the caller can simply refuse to save.
     */
    public static boolean unreadable(DateField... fields) {
        boolean any = false;
        for (DateField field : fields) {
            if (field.hasUnreadableInput()) {
                field.validate();
                any = true;
            }
        }
        return any;
    }

    /** The date pattern people of {@code locale} write, with a four-digit year ("dd.MM.yyyy", "M/d/yyyy"). */
    public static String pattern(Locale locale) {
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        return shortPattern.replaceAll("y+", "yyyy");
    }

    /** How the message spells the example date: the last day of this year in the user's pattern. */
    public static String example(Locale locale) {
        // Only an example in a message, not a business date: the wall clock's year is good enough.
        LocalDate example = Year.now(ZoneOffset.UTC).atMonth(12).atEndOfMonth();
        return DateTimeFormatter.ofPattern(pattern(locale), locale).format(example);
    }

    @Override
    protected void validate() {
        if (isInputUnparsable()) {
            // A message the view set earlier ("must be today or later") would otherwise stay in front of this one.
            setErrorMessage("");
        }
        super.validate();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // The language may have changed since the field was built (the user menu switches it in place).
        if (!getLocale().equals(appliedTo)) {
            localize();
        }
    }

    private void localize() {
        Locale locale = getLocale();
        appliedTo = locale;
        String pattern = pattern(locale);
        DatePickerI18n i18n = new DatePickerI18n();
        // Typed in full, with a two-digit year, or as ISO (2026-12-31): all read, written in the first.
        i18n.setDateFormats(pattern, pattern.replace("yyyy", "yy"), "yyyy-MM-dd");
        i18n.setMonthNames(Arrays.stream(Month.values())
                .map(month -> month.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdays(weekdays(TextStyle.FULL, locale));
        i18n.setWeekdaysShort(weekdays(TextStyle.SHORT, locale));
        i18n.setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7);
        i18n.setToday(getTranslation("date.today"));
        i18n.setCancel(getTranslation("date.cancel"));
        i18n.setBadInputErrorMessage(getTranslation("date.unreadable", example(locale)));
        setI18n(i18n);
    }

    /** Sunday first, as the date picker counts its days. */
    private static List<String> weekdays(TextStyle style, Locale locale) {
        return java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> DayOfWeek.SUNDAY.plus(i).getDisplayName(style, locale)).toList();
    }
}
