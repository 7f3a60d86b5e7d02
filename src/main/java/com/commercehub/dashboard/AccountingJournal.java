package com.commercehub.dashboard;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounting journal of a period, built from the payment records:
 * <ul>
 * <li>sale (day paid): Dr stripe-receivable the amount charged; Cr revenue per product and tax rate, Cr
 * tax-payable per tax rate (the payment shared over its quote's lines by their value with tax);</li>
 * <li>settle (day paid, once Stripe reported its fee): Cr stripe-receivable the amount; Dr stripe-balance net
 * and Dr stripe-fees fee in the settlement currency; fx-differences balances each currency when Stripe
 * converted (or when gross and amount differ);</li>
 * <li>refund (day refunded): Dr refunds, Cr stripe-balance; dispute (open or lost, day paid): Dr disputes,
 * Cr stripe-balance.</li>
 * </ul>
 * Every entry balances per currency, so every period does. A locked period's lines are stored and exported
 * as stored; entries that come later for its days are booked on the first day of the next open period.
 */
@Service
public class AccountingJournal {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountingJournal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The period's lines: as stored when it is locked, else computed now (with late entries of locked days). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<JournalLine> lines(Period period) {
        if (lockOf(period).isPresent()) {
            return jdbc.sql("""
                            SELECT entry_key, booked_on, event_date, account, detail, currency, debit, credit, payment, reference
                            FROM journal_line WHERE period_from = :from ORDER BY line_no""")
                    .param("from", Date.valueOf(period.from()))
                    .query((rs, n) -> new JournalLine(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getLong(9), rs.getString(10))).list();
        }
        return computed(period);
    }

    /** Locks the period: its export is fixed from now on. Refused when it overlaps a locked period. */
    @Transactional
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public void lock(Period period) {
        long overlapping = jdbc.sql("SELECT COUNT(*) FROM journal_period_lock WHERE period_from <= :to AND period_to >= :from FOR UPDATE")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to())).query(Long.class).single();
        if (overlapping > 0) {
            throw new IllegalStateException("the period overlaps a locked period");
        }
        List<JournalLine> lines = computed(period);
        jdbc.sql("INSERT INTO journal_period_lock (period_from, period_to, locked_at, locked_by) VALUES (:from, :to, :now, :by)")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("now", Timestamp.from(clock.instant())).param("by", Actors.current()).update();
        int lineNo = 0;
        for (JournalLine l : lines) {
            jdbc.sql("""
                            INSERT INTO journal_line (period_from, line_no, entry_key, booked_on, event_date, account, detail,
                                currency, debit, credit, payment, reference)
                            VALUES (:from, :no, :key, :booked, :event, :account, :detail, :currency, :debit, :credit, :payment, :ref)""")
                    .param("from", Date.valueOf(period.from())).param("no", lineNo++).param("key", l.entryKey())
                    .param("booked", Date.valueOf(l.bookedOn())).param("event", Date.valueOf(l.eventDate()))
                    .param("account", l.account()).param("detail", l.detail()).param("currency", l.currency())
                    .param("debit", l.debit()).param("credit", l.credit()).param("payment", l.payment())
                    .param("ref", l.reference()).update();
        }
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public boolean locked(Period period) {
        return lockOf(period).isPresent();
    }

    private Optional<LocalDate> lockOf(Period period) {
        return jdbc.sql("SELECT period_from FROM journal_period_lock WHERE period_from = :from AND period_to = :to")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> rs.getDate(1).toLocalDate()).optional();
    }

    private List<JournalLine> computed(Period period) {
        List<JournalLine> lines = new ArrayList<>(entries(period.from(), period.to()));
        // The next open period after the last locked one takes the entries that arrived late for locked days.
        Optional<LocalDate> lastLocked = jdbc.sql("SELECT MAX(period_to) FROM journal_period_lock")
                .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).optional();
        Set<String> booked = new HashSet<>(jdbc.sql("SELECT DISTINCT entry_key FROM journal_line").query(String.class).list());
        lines.removeIf(l -> booked.contains(l.entryKey()));
        if (lastLocked.isPresent() && period.from().equals(lastLocked.get().plusDays(1))) {
            LocalDate first = jdbc.sql("SELECT MIN(period_from) FROM journal_period_lock").query(Date.class).single().toLocalDate();
            List<JournalLine> late = new ArrayList<>();
            for (JournalLine l : entries(first, lastLocked.get())) {
                if (!booked.contains(l.entryKey())) {
                    late.add(l.bookedOn(period.from()));
                }
            }
            lines.addAll(0, late);
        }
        return lines;
    }

    /** The entries of the events dated from..to, booked on their own day. */
    List<JournalLine> entries(LocalDate from, LocalDate to) {
        List<JournalLine> lines = new ArrayList<>();
        record Paid(long id, LocalDate day, String status, BigDecimal amount, String currency, BigDecimal fee,
                    BigDecimal net, String settlement, Long quote, String charge) {
        }
        List<Paid> paid = jdbc.sql("""
                        SELECT id, DATE(booked_at), status, amount, currency, fee, net, settlement_currency, quote, charge_id
                        FROM payment WHERE booked_at >= :from AND booked_at < :to AND status IN (%s)
                        ORDER BY booked_at, id""".formatted(RollupRebuild.RECEIVED))
                .param("from", Timestamp.valueOf(from.atStartOfDay())).param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query((rs, n) -> new Paid(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getObject(9, Long.class), rs.getString(10))).list();
        for (Paid p : paid) {
            String sale = "sale:" + p.id();
            lines.add(line(sale, p.day(), JournalLine.RECEIVABLE, "", p.currency(), p.amount(), BigDecimal.ZERO, p.id(), p.charge()));
            for (Share share : shares(p.quote(), p.amount())) {
                lines.add(line(sale, p.day(), JournalLine.REVENUE, share.product() + " · " + share.rateLabel(), p.currency(),
                        BigDecimal.ZERO, share.revenue(), p.id(), p.charge()));
                if (share.tax().signum() != 0) {
                    lines.add(line(sale, p.day(), JournalLine.TAX_PAYABLE, share.rateLabel(), p.currency(), BigDecimal.ZERO,
                            share.tax(), p.id(), p.charge()));
                }
            }
            if (p.net() != null && p.settlement() != null) {
                String settle = "settle:" + p.id();
                BigDecimal fee = p.fee() == null ? BigDecimal.ZERO : p.fee();
                lines.add(line(settle, p.day(), JournalLine.RECEIVABLE, "", p.currency(), BigDecimal.ZERO, p.amount(), p.id(), p.charge()));
                lines.add(line(settle, p.day(), JournalLine.STRIPE_BALANCE, "", p.settlement(), p.net(), BigDecimal.ZERO, p.id(), p.charge()));
                if (fee.signum() != 0) {
                    lines.add(line(settle, p.day(), JournalLine.STRIPE_FEES, "", p.settlement(), fee, BigDecimal.ZERO, p.id(), p.charge()));
                }
                BigDecimal settled = p.net().add(fee);
                if (!p.settlement().equals(p.currency())) {
                    lines.add(line(settle, p.day(), JournalLine.FX_DIFFERENCES, p.currency() + "→" + p.settlement(), p.currency(),
                            p.amount(), BigDecimal.ZERO, p.id(), p.charge()));
                    lines.add(line(settle, p.day(), JournalLine.FX_DIFFERENCES, p.currency() + "→" + p.settlement(), p.settlement(),
                            BigDecimal.ZERO, settled, p.id(), p.charge()));
                } else if (settled.compareTo(p.amount()) != 0) {
                    BigDecimal gap = p.amount().subtract(settled);
                    lines.add(line(settle, p.day(), JournalLine.FX_DIFFERENCES, "", p.currency(), gap.max(BigDecimal.ZERO),
                            gap.negate().max(BigDecimal.ZERO), p.id(), p.charge()));
                }
            }
            if ("DISPUTED".equals(p.status()) || "DISPUTE_LOST".equals(p.status())) {
                String dispute = "dispute:" + p.id();
                lines.add(line(dispute, p.day(), JournalLine.DISPUTES, p.status().toLowerCase(java.util.Locale.ROOT), p.currency(),
                        p.amount(), BigDecimal.ZERO, p.id(), p.charge()));
                lines.add(line(dispute, p.day(), JournalLine.STRIPE_BALANCE, "", p.currency(), BigDecimal.ZERO, p.amount(), p.id(), p.charge()));
            }
        }
        jdbc.sql("""
                        SELECT r.refund_id, DATE(r.created_at), r.amount, r.currency, r.payment FROM payment_refund r
                        WHERE r.created_at >= :from AND r.created_at < :to AND r.status IN ('succeeded', 'pending')
                        ORDER BY r.created_at, r.id""")
                .param("from", Timestamp.valueOf(from.atStartOfDay())).param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query((rs, n) -> {
                    String key = "refund:" + rs.getString(1);
                    LocalDate day = rs.getDate(2).toLocalDate();
                    lines.add(line(key, day, JournalLine.REFUNDS, "", rs.getString(4), rs.getBigDecimal(3), BigDecimal.ZERO,
                            rs.getLong(5), rs.getString(1)));
                    lines.add(line(key, day, JournalLine.STRIPE_BALANCE, "", rs.getString(4), BigDecimal.ZERO, rs.getBigDecimal(3),
                            rs.getLong(5), rs.getString(1)));
                    return null;
                }).list();
        return lines;
    }

    private static JournalLine line(String key, LocalDate day, String account, String detail, String currency,
                                    BigDecimal debit, BigDecimal credit, long payment, String reference) {
        return new JournalLine(key, day, day, account, detail, currency, debit.setScale(4, RoundingMode.HALF_UP),
                credit.setScale(4, RoundingMode.HALF_UP), payment, reference);
    }

    record Share(String product, String rateLabel, BigDecimal revenue, BigDecimal tax) {
    }

    /**
     * The amount shared over the quote's lines by their value with tax, each share split into revenue and tax
     * at the line's rate; the last share takes the rounding remainder so the entry balances exactly.
     */
    List<Share> shares(Long quote, BigDecimal amount) {
        record Line(String product, BigDecimal rate, BigDecimal weight) {
        }
        List<Line> quoteLines = quote == null ? List.of() : jdbc.sql("""
                        SELECT LEFT(name, 200), COALESCE(tax_percentage, 0),
                               CASE WHEN tax_inclusive THEN quantity * unit_price
                                    ELSE quantity * unit_price * (100 + COALESCE(tax_percentage, 0)) / 100 END
                        FROM quote_line WHERE quote = :quote ORDER BY line_no""").param("quote", quote)
                .query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        BigDecimal total = quoteLines.stream().map(Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            return List.of(new Share("", "0 %", amount, BigDecimal.ZERO));
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal left = amount;
        for (int i = 0; i < quoteLines.size(); i++) {
            Line l = quoteLines.get(i);
            BigDecimal share = i == quoteLines.size() - 1 ? left
                    : amount.multiply(l.weight()).divide(total, 4, RoundingMode.HALF_UP);
            left = left.subtract(share);
            BigDecimal tax = share.multiply(l.rate()).divide(BigDecimal.valueOf(100).add(l.rate()), 4, RoundingMode.HALF_UP);
            shares.add(new Share(l.product(), l.rate().stripTrailingZeros().toPlainString() + " %", share.subtract(tax), tax));
        }
        return shares;
    }
}
