package com.commercehub.base.i18n;

import com.commercehub.base.money.Money;
import com.commercehub.base.money.MoneyFormatter;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates, numbers and money as people of a locale write them. */
public final class Formats {

    private Formats() {
    }

    public static String money(Money money, Locale locale) {
        return MoneyFormatter.format(money, locale);
    }

    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    public static String number(BigDecimal number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(number.stripTrailingZeros().scale(), 0));
        return format.format(number);
    }
}
