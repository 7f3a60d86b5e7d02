package com.commercehub.dashboard;

import com.commercehub.base.security.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Currency;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * CSV exports of a period for finance: payments, refunds, subscriptions, invoices and the accounting journal. UTF-8
 * with a byte-order mark (spreadsheets then read it as UTF-8), amounts as plain decimals, and every text
 * cell a spreadsheet would run as a formula (= + - @ tab CR) defused with a leading apostrophe (a negative number stays
 * a number). Rows are streamed from the database; {@code progress} is told the rows written so far (every 1,000)
 * for a progress bar.
 *
 * <p>Journal columns: booked_on, event_date, entry, account, detail, currency, debit, credit, payment,
 * reference — see {@link AccountingJournal} for the entries and accounts.
 */
@Service
public class Exports {

    public enum Kind {
        PAYMENTS("dashboard.export.payments"), REFUNDS("dashboard.export.refunds"),
        SUBSCRIPTIONS("dashboard.export.subscriptions"), JOURNAL("dashboard.export.journal"),
        INVOICES("finish15.export.invoices");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The download link's label. */
        public String messageKey() {
            return messageKey;
        }
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final JdbcClient jdbc;
    private final AccountingJournal journal;

    Exports(JdbcClient jdbc, AccountingJournal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /** Writes the export of the kind for the period; returns the number of rows. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public long write(Kind kind, Period period, Writer out, LongConsumer progress) {
        try {
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            long rows = switch (kind) {
                case PAYMENTS -> query(csv, progress, List.of("id", "date", "status", "source", "buyer", "method", "amount",
                                "currency", "refunded", "gross", "fee", "net", "settlement_currency", "exchange_rate",
                                "payment_intent", "charge", "invoice", "deal_owner"),
                        "SELECT p.id, p.booked_at, p.status, " + PaymentSources.SQL + ", COALESCE(co.name, CONCAT(c.first_name, ' ', c.last_name)), "
                                + "p.method, p.amount, p.currency, p.refunded, p.gross, p.fee, p.net, p.settlement_currency, "
                                + "p.exchange_rate, p.payment_intent_id, p.charge_id, p.invoice_id, d.owner "
                                + "FROM payment p LEFT JOIN deal d ON d.id = p.deal LEFT JOIN contact c ON c.id = p.contact "
                                + "LEFT JOIN company co ON co.id = p.company "
                                + "WHERE p.booked_at >= :from AND p.booked_at < :to ORDER BY p.booked_at, p.id", period,
                        Map.of("amount", "currency", "refunded", "currency", "gross", "settlement_currency",
                                "fee", "settlement_currency", "net", "settlement_currency"));
                case REFUNDS -> query(csv, progress, List.of("refund", "date", "status", "amount", "currency", "payment", "charge"),
                        "SELECT r.refund_id, r.created_at, r.status, r.amount, r.currency, r.payment, p.charge_id "
                                + "FROM payment_refund r JOIN payment p ON p.id = r.payment "
                                + "WHERE r.created_at >= :from AND r.created_at < :to ORDER BY r.created_at, r.id", period,
                        Map.of("amount", "currency"));
                case SUBSCRIPTIONS -> query(csv, progress, List.of("subscription", "created", "status", "period_amount",
                                "currency", "interval", "interval_count", "current_period_end", "cancel_at_period_end", "deal"),
                        "SELECT stripe_subscription_id, created_at, status, period_amount, currency, billing_interval, "
                                + "billing_interval_count, current_period_end, cancel_at_period_end, deal FROM subscription "
                                + "WHERE created_at < :to AND (status NOT IN ('canceled', 'incomplete_expired') OR updated_at >= :from) "
                                + "ORDER BY created_at, id", period, Map.of("period_amount", "currency"));
                // invoices issued in the period (drafts have no number yet and are no document to account for)
                case INVOICES -> query(csv, progress, List.of("number", "issue_date", "due_date", "status", "buyer",
                                "buyer_email", "currency", "total", "amount_paid", "amount_due", "paid_at", "owner", "deal"),
                        "SELECT number, issue_date, due_date, status, buyer_name, buyer_email, currency, total, amount_paid, "
                                + "CASE WHEN status IN ('OPEN', 'PARTIALLY_PAID', 'OVERDUE') THEN total - amount_paid ELSE 0 END, "
                                + "paid_at, owner, deal FROM invoice "
                                + "WHERE status <> 'DRAFT' AND issue_date >= :from AND issue_date < :to ORDER BY issue_date, id", period,
                        Map.of("total", "currency", "amount_paid", "currency", "amount_due", "currency"));
                case JOURNAL -> {
                    csv.printRecord("booked_on", "event_date", "entry", "account", "detail", "currency", "debit", "credit",
                            "payment", "reference");
                    long n = 0;
                    for (JournalLine l : journal.lines(period)) {
                        csv.printRecord(l.bookedOn(), l.eventDate(), l.entryKey(), l.account(), defuse(l.detail()), l.currency(),
                                money(l.debit(), l.currency()), money(l.credit(), l.currency()), l.payment(),
                                defuse(l.reference()));
                        if (++n % 1000 == 0) {
                            progress.accept(n);
                        }
                    }
                    yield n;
                }
            };
            csv.flush();
            progress.accept(rows);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the query's rows under {@code header}; {@code moneyColumns} names each amount column's currency column,
     * so that amounts carry their currency's decimals ("1200.00", "1200" in yen) instead of the database's four.
     */
    private long query(CSVPrinter csv, LongConsumer progress, List<String> header, String sql, Period period,
                       Map<String, String> moneyColumns) throws IOException {
        csv.printRecord(header);
        long[] n = {0};
        jdbc.sql(sql).param("from", Timestamp.valueOf(period.from().atStartOfDay()))
                .param("to", Timestamp.valueOf(period.to().plusDays(1).atStartOfDay()))
                .query((ResultSet rs) -> {
                    List<String> cells = new ArrayList<>(header.size());
                    for (int i = 1; i <= header.size(); i++) {
                        String currency = moneyColumns.get(header.get(i - 1));
                        cells.add(currency == null ? cell(rs, i)
                                : money(rs.getBigDecimal(i), rs.getString(header.indexOf(currency) + 1)));
                    }
                    try {
                        csv.printRecord(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++n[0] % 1000 == 0) {
                        progress.accept(n[0]);
                    }
                });
        return n[0];
    }

    /**
     * The amount with its currency's decimals, more only where the amount has them (nothing is rounded away);
     * empty when there is none (a fee Stripe has not reported yet).
     */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int decimals = currency == null ? 0 : Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return amount.setScale(Math.max(decimals, amount.stripTrailingZeros().scale())).toPlainString();
    }

    private static String cell(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof java.time.LocalDateTime time) {
            return time.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        return defuse(value.toString());
    }

    /**
     * A small table as shown on screen (a chart's table view) in the exports' CSV form: BOM, header, rows, every
     * cell defused.
     */
    public static void writeTable(List<String> header, List<List<String>> rows, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord(header.stream().map(Exports::defuse).toList());
        for (List<String> row : rows) {
            csv.printRecord(row.stream().map(Exports::defuse).toList());
        }
        csv.flush();
    }

    static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        // A negative amount ("-12.50") is a number to a spreadsheet, not a formula: it stays one.
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
