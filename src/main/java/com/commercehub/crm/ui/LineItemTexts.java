package com.commercehub.crm.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDetails;

import java.util.Locale;

/** How a line item's parts read in grids of deals and quotes. */
public final class LineItemTexts {

    private LineItemTexts() {
    }

    /** "10 %" or "€25.00"; empty without a discount. */
    public static String discount(LineItemDetails line, Locale locale) {
        if (line.discountKind() == null) {
            return "";
        }
        return line.discountKind() == DiscountKind.PERCENT
                ? Formats.number(line.discountValue(), locale) + " %"
                : Formats.money(new Money(line.discountValue(), line.unitPrice().currency()), locale);
    }

    /** "19 %"; empty without a tax. */
    public static String tax(LineItemDetails line, Locale locale) {
        if (line.taxPercentage() == null) {
            return "";
        }
        return Formats.number(line.taxPercentage(), locale) + " %";
    }
}
