package com.commercehub.dashboard;

import com.commercehub.base.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Everything the dashboard shows for a period, per currency. */
public record DashboardFigures(Period period, List<Totals> current, List<Totals> previous, List<Money> mrr,
                               List<InvoiceTotals.Open> openInvoices, List<Point> revenue, List<Slice> byProduct,
                               List<Slice> byOwner, List<Slice> bySource, List<MrrMove> mrrMovement) {

    /** One bucket of revenue over time: gross and net revenue (net less refunds). */
    public record Point(LocalDate bucket, Money gross, Money net) {
    }

    /** Gross revenue of one product, owner or source ({@code label}: "" = not attributed). */
    public record Slice(String label, Money gross) {
    }

    /** One month's MRR movement of a kind: new, expansion, contraction, churn (signed). */
    public record MrrMove(LocalDate month, String kind, Money amount) {
    }

    /** The currencies present in the period, most gross first (the dashboard's currency choice). */
    public List<String> currencies() {
        return current.stream().sorted((a, b) -> b.gross().amount().compareTo(a.gross().amount()))
                .map(t -> t.currency().getCurrencyCode()).toList();
    }
}
