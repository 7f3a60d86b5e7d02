package com.commercehub.base.money;

import java.text.NumberFormat;
import java.util.Locale;

/** The one place that turns money into text for people, in their locale. */
public final class MoneyFormatter {

    private MoneyFormatter() {
    }

    /** E.g. "€1,234.50" in en, "1.234,50 €" in de, "1 234,50 zł" in pl; JPY without decimals. */
    public static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int decimals = Math.max(money.currencyDecimals(), money.amount().stripTrailingZeros().scale());
        format.setMinimumFractionDigits(money.currencyDecimals());
        format.setMaximumFractionDigits(Math.max(decimals, 0));
        return format.format(money.amount());
    }
}
