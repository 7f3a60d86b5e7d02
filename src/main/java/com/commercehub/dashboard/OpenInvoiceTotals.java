package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The dashboard's invoice cards, read straight from the invoices' table (the dashboard reads SQL only and
 * never calls the invoices feature). Open = what is still owed (total less paid) on invoices that are open,
 * partly paid or overdue; overdue = the same for overdue ones. Drafts, paid, void and uncollectible invoices
 * owe nothing. It is the invoices' current state, counting only invoices issued by the given day.
 */
@Component
class OpenInvoiceTotals implements InvoiceTotals {

    private final JdbcClient jdbc;

    OpenInvoiceTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Open> openOn(LocalDate day) {
        return jdbc.sql("""
                        SELECT currency, SUM(total - amount_paid),
                               SUM(CASE WHEN status = 'OVERDUE' THEN total - amount_paid ELSE 0 END)
                        FROM invoice WHERE status IN ('OPEN', 'PARTIALLY_PAID', 'OVERDUE') AND issue_date <= :day
                        GROUP BY currency ORDER BY currency""")
                .param("day", Date.valueOf(day))
                .query((rs, n) -> {
                    Currency c = Currency.getInstance(rs.getString(1));
                    int decimals = Money.decimalsOf(c);
                    return new Open(new Money(rs.getBigDecimal(2).setScale(decimals, RoundingMode.HALF_UP), c),
                            new Money(rs.getBigDecimal(3).setScale(decimals, RoundingMode.HALF_UP), c));
                }).list();
    }
}
