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

    /**
     * An amount as people type it in {@code locale}: its decimal separator and, optionally, its grouping
     * ("1,200.00" in English, "1.200,00" in German, "1 200,00" in Polish, where a plain space stands for the
     * locale's non-breaking one). Empty when the text is not wholly a number.
     */
    public static java.util.Optional<BigDecimal> parseAmount(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        java.text.DecimalFormat format = (java.text.DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setParseBigDecimal(true);
        char grouping = format.getDecimalFormatSymbols().getGroupingSeparator();
        String typed = text.strip();
        if (Character.isSpaceChar(grouping)) {
            typed = typed.replaceAll("[\\s\\u00a0\\u202f]", String.valueOf(grouping));
        }
        java.text.ParsePosition position = new java.text.ParsePosition(0);
        Number parsed = format.parse(typed, position);
        if (parsed == null || position.getIndex() != typed.length() || !wellGrouped(typed, format)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((BigDecimal) parsed);
    }

    /** Grouping separators only between groups of three before the decimal part: "1.2.3" is no amount. */
    private static boolean wellGrouped(String typed, java.text.DecimalFormat format) {
        char grouping = format.getDecimalFormatSymbols().getGroupingSeparator();
        char decimal = format.getDecimalFormatSymbols().getDecimalSeparator();
        int decimalAt = typed.indexOf(decimal);
        String whole = decimalAt < 0 ? typed : typed.substring(0, decimalAt);
        if (decimalAt >= 0 && typed.indexOf(grouping, decimalAt) >= 0) {
            return false;
        }
        String[] groups = whole.replace("-", "").split(java.util.regex.Pattern.quote(String.valueOf(grouping)), -1);
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return groups.length == 1 || !groups[0].isEmpty();
    }
}
