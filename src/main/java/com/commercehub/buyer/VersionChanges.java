package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Translator;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteTotals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one version to the next, as the buyer of the old link reads it: lines added,
 * removed or changed (matched by name and SKU), and the totals before and after.
 */
final class VersionChanges {

    private final List<LineItemDraft> added = new ArrayList<>();
    private final List<LineItemDraft> removed = new ArrayList<>();
    private final List<LineItemDraft> changed = new ArrayList<>();
    private final QuoteTotals before;
    private final QuoteTotals after;

    private VersionChanges(QuoteTotals before, QuoteTotals after) {
        this.before = before;
        this.after = after;
    }

    static VersionChanges between(QuoteContent older, QuoteContent newer) {
        VersionChanges changes = new VersionChanges(older.totals(), newer.totals());
        Map<String, LineItemDraft> old = byKey(older.lines());
        Map<String, LineItemDraft> current = byKey(newer.lines());
        current.forEach((key, line) -> {
            LineItemDraft was = old.get(key);
            if (was == null) {
                changes.added.add(line);
            } else if (!sameTerms(was, line)) {
                changes.changed.add(line);
            }
        });
        old.forEach((key, line) -> {
            if (!current.containsKey(key)) {
                changes.removed.add(line);
            }
        });
        return changes;
    }

    List<String> describe(Translator t) {
        List<String> lines = new ArrayList<>();
        added.forEach(line -> lines.add(t.get("buyer.changes.added", line.name())));
        removed.forEach(line -> lines.add(t.get("buyer.changes.removed", line.name())));
        changed.forEach(line -> lines.add(t.get("buyer.changes.changed", line.name())));
        if (lines.isEmpty()) {
            lines.add(t.get("buyer.changes.terms-only"));
        }
        return lines;
    }

    List<QuotePage.Comparison> totals(Locale locale, Translator t) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        put(rows, before, 0, locale, t);
        put(rows, after, 1, locale, t);
        return rows.entrySet().stream().map(e -> new QuotePage.Comparison(e.getKey(),
                Objects.requireNonNullElse(e.getValue()[0], "–"), Objects.requireNonNullElse(e.getValue()[1], "–")))
                .toList();
    }

    private static void put(Map<String, String[]> rows, QuoteTotals totals, int column, Locale locale, Translator t) {
        rows.computeIfAbsent(t.get("buyer.totals.first-payment"), k -> new String[2])[column] =
                Formats.money(totals.firstPayment(), locale);
        rows.computeIfAbsent(t.get("buyer.totals.one-time"), k -> new String[2])[column] =
                Formats.money(totals.oneTimeTotal(), locale);
        totals.recurringTotals().forEach((frequency, amount) -> rows.computeIfAbsent(
                t.get("buyer.totals.recurring", BillingFrequency.label(t, frequency, null)), k -> new String[2])[column] =
                Formats.money(amount, locale));
    }

    private static Map<String, LineItemDraft> byKey(List<LineItemDraft> lines) {
        Map<String, LineItemDraft> result = new LinkedHashMap<>();
        for (LineItemDraft line : lines) {
            String key = line.name().strip().toLowerCase(Locale.ROOT) + "\u0000" + Objects.toString(line.sku(), "");
            // Two lines of one name: the second is told apart by its position.
            while (result.containsKey(key)) {
                key = key + "\u0000";
            }
            result.put(key, line);
        }
        return result;
    }

    private static boolean sameTerms(LineItemDraft a, LineItemDraft b) {
        return a.quantity().compareTo(b.quantity()) == 0 && a.unitPrice().compareTo(b.unitPrice()) == 0
                && Objects.equals(a.discountKind(), b.discountKind()) && compare(a.discountValue(), b.discountValue())
                && compare(a.taxPercentage(), b.taxPercentage()) && a.taxInclusive() == b.taxInclusive()
                && Objects.equals(a.frequency(), b.frequency()) && Objects.equals(a.termPeriods(), b.termPeriods());
    }

    private static boolean compare(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
