package com.commercehub.payment;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Payments as staff read them: those of a quote, of a deal. */
@Service
public class PaymentService {

    private static final String COLUMNS = """
            SELECT id, quote, quote_version, deal, status, amount, currency, gross, fee, net, settlement_currency,
                   exchange_rate, refunded, method, payment_intent_id, invoice_id, charge_id, receipt_url,
                   failure_reason, paid_at, account_id, subscription IS NOT NULL OR stripe_subscription_id IS NOT NULL AS periodic
            FROM payment""";

    private final JdbcClient jdbc;

    PaymentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The quote's payments, newest first. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentEntry> ofQuote(long quoteId) {
        return jdbc.sql(COLUMNS + " WHERE quote = :id ORDER BY id DESC").param("id", quoteId)
                .query(PaymentService::entry).list();
    }

    /** The deal's payments, newest first. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentEntry> ofDeal(long dealId) {
        return jdbc.sql(COLUMNS + " WHERE deal = :id ORDER BY id DESC").param("id", dealId)
                .query(PaymentService::entry).list();
    }

    /**
     * The latest payments for the start page: every payment for finance and admins, the payments of their own
     * deals for sales.
     */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentEntry> recent(int limit) {
        boolean everything = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication().getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.Authority.FINANCE)
                        || a.getAuthority().equals(Role.Authority.ADMIN));
        return jdbc.sql(COLUMNS + """
                         WHERE :everything OR deal IN (SELECT id FROM deal WHERE owner = :me)
                        ORDER BY COALESCE(paid_at, '9999-12-31') DESC, id DESC LIMIT :limit""")
                .param("everything", everything).param("me", com.commercehub.base.security.Actors.current())
                .param("limit", limit).query(PaymentService::entry).list();
    }

    /** One payment. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public java.util.Optional<PaymentEntry> get(long paymentId) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", paymentId).query(PaymentService::entry).optional();
    }

    static PaymentEntry entry(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        String settlement = rs.getString("settlement_currency");
        Timestamp paidAt = rs.getTimestamp("paid_at");
        Money amount = PaymentRecords.money(rs.getBigDecimal("amount"), currency);
        return new PaymentEntry(rs.getLong("id"), (Long) rs.getObject("quote", Long.class),
                rs.getObject("quote_version", Integer.class), rs.getObject("deal", Long.class),
                PaymentStatus.valueOf(rs.getString("status")), amount,
                settlement == null ? null : PaymentRecords.money(rs.getBigDecimal("gross"), settlement),
                settlement == null ? null : PaymentRecords.money(rs.getBigDecimal("fee"), settlement),
                settlement == null ? null : PaymentRecords.money(rs.getBigDecimal("net"), settlement),
                rs.getBigDecimal("exchange_rate"), PaymentRecords.money(rs.getBigDecimal("refunded"), currency),
                rs.getString("method"), rs.getString("payment_intent_id"), rs.getString("invoice_id"),
                rs.getString("charge_id"), rs.getString("receipt_url"), rs.getString("failure_reason"),
                paidAt == null ? null : paidAt.toInstant(), rs.getString("account_id"), rs.getBoolean("periodic"));
    }
}
