package com.commercehub.crm.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.crm.BillingSplit;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.product.BillingFrequency;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How line items and their money read on deals and quotes: the name in full (it wraps, never cut),
 * with the SKU and the billing in words under it ("2 × €49.00 / month · 12 payments"), and sums
 * that keep one-time and recurring money apart.
 */
public final class LineItemCells {

    private LineItemCells() {
    }

    /** The UI's locale, as the component's own getLocale() would give (that one is protected). */
    private static Locale localeOf() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? Locale.getDefault() : ui.getLocale();
    }

    /** The name cell of a line grid: the name, then the SKU and the billing on a second line. */
    public static Component name(Component translator, LineItemDetails line) {
        Span name = new Span(line.name());
        name.addClassName("line-name");
        Div details = new Div(meta(translator, line));
        details.addClassName("line-meta");
        Div cell = new Div(name, details);
        cell.addClassName("line-cell");
        return cell;
    }

    /**
     * The same name cell rendered in the browser from two texts per row, for grids that show every line of a
     * quote at once: no server-side components per row (each would be held in every open tab's session).
     */
    public static LitRenderer<LineItemDetails> nameRenderer(Component translator) {
        return LitRenderer.<LineItemDetails>of("<div class=\"line-cell\"><span class=\"line-name\">${item.name}</span>"
                        + "<div class=\"line-meta\">${item.meta}</div></div>")
                .withProperty("name", LineItemDetails::name)
                .withProperty("meta", line -> meta(translator, line));
    }

    /** The SKU and the billing in words: "SKU-1 · 2 × €49.00 / month". */
    public static String meta(Component translator, LineItemDetails line) {
        return line.sku() == null || line.sku().isBlank() ? billing(translator, line)
                : line.sku() + " · " + billing(translator, line);
    }

    /** "2 × €49.00 / month · 12 payments"; "€1,000.00 once" for a single one-time unit. */
    public static String billing(Component translator, LineItemDetails line) {
        Locale locale = localeOf();
        String price = perPeriod(translator, line.unitPrice(), line.frequency());
        String text = line.quantity().compareTo(BigDecimal.ONE) == 0 ? price
                : translator.getTranslation("builder.billing.quantity", Formats.number(line.quantity(), locale), price);
        return line.termPeriods() == null ? text : translator.getTranslation("billing.with-term", text, line.termPeriods());
    }

    /** "€49.00 / month", "€49.00 every 3 months", "€1,000.00 once". */
    public static String perPeriod(Component translator, Money amount, BillingFrequency frequency) {
        String money = Formats.money(amount, localeOf());
        if (frequency == null) {
            return translator.getTranslation("builder.billing.once", money);
        }
        String unit = frequency.unit().name().toLowerCase(Locale.ROOT);
        return frequency.count() == 1 ? translator.getTranslation("builder.billing.per." + unit, money)
                : translator.getTranslation("builder.billing.every." + unit, money, frequency.count());
    }

    /** "€1,000.00 once + €49.00 / month" (just "€1,000.00" without recurring money): never one sum of both. */
    public static String split(Component translator, BillingSplit split) {
        if (split.recurring().isEmpty()) {
            return Formats.money(split.oneTime(), localeOf());
        }
        List<String> parts = new ArrayList<>();
        if (!split.oneTime().isZero()) {
            parts.add(perPeriod(translator, split.oneTime(), null));
        }
        split.recurring().forEach((frequency, amount) -> parts.add(perPeriod(translator, amount, frequency)));
        return String.join(" + ", parts);
    }
}
