package com.commercehub.invoice;

import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The receipts of payments that have no invoice. The buyer page asks for a quote's (behind its token, so that
 * read needs no login); staff read any by number.
 */
@Service
public class Receipts {

    private static final String SELECT = """
            SELECT r.number, DATE(COALESCE(p.paid_at, r.created_at)) AS received_on, p.amount, p.currency, p.method,
                   q.number AS quote_number, p.receipt_url
            FROM receipt r JOIN payment p ON p.id = r.payment LEFT JOIN quote q ON q.id = p.quote""";

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest receipt of the quote's payments; for the buyer page, which has checked the quote's token. */
    @Transactional(readOnly = true)
    public Optional<ReceiptDocument> latestOfQuote(long quoteId) {
        return jdbc.sql(SELECT + " WHERE p.quote = :quote ORDER BY r.id DESC LIMIT 1").param("quote", quoteId)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The receipts of a contact's payments, newest first; for the buyer portal, which has checked its token. */
    @Transactional(readOnly = true)
    public java.util.List<ReceiptDocument> ofContact(long contactId) {
        return jdbc.sql(SELECT + " WHERE p.contact = :contact ORDER BY r.id DESC LIMIT 100").param("contact", contactId)
                .query((rs, n) -> row(rs)).list();
    }

    /** A receipt by number, only when its payment is the contact's (the portal's check that it belongs to the buyer). */
    @Transactional(readOnly = true)
    public Optional<ReceiptDocument> ofContact(long contactId, String number) {
        return jdbc.sql(SELECT + " WHERE p.contact = :contact AND r.number = :number").param("contact", contactId)
                .param("number", number).query((rs, n) -> row(rs)).optional();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Optional<ReceiptDocument> byNumber(String number) {
        return jdbc.sql(SELECT + " WHERE r.number = :number").param("number", number).query((rs, n) -> row(rs)).optional();
    }

    private static ReceiptDocument row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new ReceiptDocument(rs.getString("number"), rs.getObject("received_on", LocalDate.class),
                new com.commercehub.base.money.Money(rs.getBigDecimal("amount")
                        .setScale(com.commercehub.base.money.Money.decimalsOf(currency), java.math.RoundingMode.HALF_UP), currency),
                rs.getString("method"), rs.getString("quote_number"), rs.getString("receipt_url"));
    }
}
