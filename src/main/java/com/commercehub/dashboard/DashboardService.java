package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;

/**
 * The revenue dashboard's figures, read from the rollups only (each query a range of the rollups' primary
 * keys), so they answer in milliseconds whatever the number of payments.
 */
@Service
public class DashboardService {

    private final JdbcClient jdbc;
    private final ObjectProvider<InvoiceTotals> invoices;

    DashboardService(JdbcClient jdbc, ObjectProvider<InvoiceTotals> invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    /** The period's figures, with the previous period of the same length for comparison. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public DashboardFigures figures(Period period, Bucket bucket) {
        InvoiceTotals invoiceTotals = invoices.getIfAvailable();
        return new DashboardFigures(period, totals(period), totals(period.previous()), mrrAt(period),
                invoiceTotals == null ? null : invoiceTotals.openOn(period.to()), revenue(period, bucket),
                slices("revenue_product_daily", "product", period), slices("revenue_daily", "owner", period),
                slices("revenue_daily", "source", period), mrrMovement(period));
    }

    List<Totals> totals(Period period) {
        return jdbc.sql("""
                        SELECT currency, SUM(payments), SUM(gross), SUM(fee), SUM(net), SUM(refunds), SUM(refunded),
                               SUM(disputes), SUM(disputed)
                        FROM revenue_daily WHERE day BETWEEN :from AND :to GROUP BY currency ORDER BY currency""")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query(DashboardService::totals).list();
    }

    private static Totals totals(ResultSet rs, int row) throws SQLException {
        Currency c = Currency.getInstance(rs.getString(1));
        return new Totals(c, rs.getLong(2), money(rs.getBigDecimal(3), c), money(rs.getBigDecimal(4), c),
                money(rs.getBigDecimal(5), c), rs.getLong(6), money(rs.getBigDecimal(7), c), rs.getLong(8),
                money(rs.getBigDecimal(9), c));
    }

    List<DashboardFigures.Point> revenue(Period period, Bucket bucket) {
        return jdbc.sql("SELECT " + bucket.sql + " AS bucket, currency, SUM(gross), SUM(net) - SUM(refunded) "
                        + "FROM revenue_daily WHERE day BETWEEN :from AND :to GROUP BY bucket, currency "
                        + "ORDER BY bucket, currency")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> {
                    Currency c = Currency.getInstance(rs.getString(2));
                    return new DashboardFigures.Point(rs.getDate(1).toLocalDate(), money(rs.getBigDecimal(3), c),
                            money(rs.getBigDecimal(4), c));
                }).list();
    }

    List<DashboardFigures.Slice> slices(String table, String column, Period period) {
        return jdbc.sql("SELECT " + column + ", currency, SUM(gross) AS total FROM " + table
                        + " WHERE day BETWEEN :from AND :to GROUP BY " + column + ", currency HAVING SUM(gross) <> 0"
                        + " ORDER BY currency, total DESC")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> new DashboardFigures.Slice(rs.getString(1),
                        money(rs.getBigDecimal(3), Currency.getInstance(rs.getString(2))))).list();
    }

    /** MRR at the period's end: all movement up to and including its month. */
    List<Money> mrrAt(Period period) {
        return jdbc.sql("""
                        SELECT currency, SUM(amount) FROM mrr_movement_monthly WHERE month <= :to
                        GROUP BY currency HAVING SUM(amount) <> 0 ORDER BY currency""")
                .param("to", Date.valueOf(period.to()))
                .query((rs, n) -> money(rs.getBigDecimal(2), Currency.getInstance(rs.getString(1)))).list();
    }

    List<DashboardFigures.MrrMove> mrrMovement(Period period) {
        return jdbc.sql("""
                        SELECT month, currency, kind, amount FROM mrr_movement_monthly
                        WHERE month BETWEEN :from AND :to AND amount <> 0 ORDER BY month, currency, kind""")
                .param("from", Date.valueOf(period.from().withDayOfMonth(1))).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> new DashboardFigures.MrrMove(rs.getDate(1).toLocalDate(), rs.getString(3),
                        money(rs.getBigDecimal(4), Currency.getInstance(rs.getString(2))))).list();
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}
