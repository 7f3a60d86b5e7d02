package com.commercehub.dashboard;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.param.BalanceTransactionListParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our payments against Stripe's balance transactions (type charge), per day and currency: the totals of both
 * sides and every difference with the payment causing it. Payments that differ are marked drifted (with the
 * reason and the time of comparison) until a re-sync or Stripe's next event puts them in step again.
 */
@Service
public class Reconciliation {

    /** One day and settlement currency: our gross, fee and net against Stripe's. */
    public record Day(LocalDate day, String currency, Money ourGross, Money ourFee, Money ourNet, Money stripeGross,
                      Money stripeFee, Money stripeNet) {

        public boolean matches() {
            return ourGross.compareTo(stripeGross) == 0 && ourFee.compareTo(stripeFee) == 0 && ourNet.compareTo(stripeNet) == 0;
        }
    }

    /** A difference: the payment (null when Stripe has a charge we hold no payment for) and what differs. */
    public record Difference(LocalDate day, Long paymentId, String balanceTransactionId, String chargeId, String reason) {
    }

    public record Report(List<Day> days, List<Difference> differences) {
    }

    private record Ours(long id, LocalDate day, String btx, String charge, String currency, Money gross, Money fee, Money net) {
    }

    private final JdbcClient jdbc;
    private final PaymentAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reconciliation(JdbcClient jdbc, PaymentAccounts accounts, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Lists Stripe's charge balance transactions of the period and compares them with our payments. */
    @Transactional(propagation = Propagation.NEVER)
    @Secured({Role.Authority.FINANCE, Role.Authority.ADMIN})
    public Report compare(Period period) {
        PaymentAccount account = accounts.connected()
                .orElseThrow(() -> new IllegalStateException("no Stripe account is connected"));
        long from = period.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long to = period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        List<BalanceTransaction> stripe = new ArrayList<>();
        try {
            var params = BalanceTransactionListParams.builder().setType("charge").setLimit(100L)
                    .setCreated(BalanceTransactionListParams.Created.builder().setGte(from).setLt(to).build()).build();
            for (BalanceTransaction t : account.client().v1().balanceTransactions().list(params).autoPagingIterable()) {
                if (t.getCreated() >= from && t.getCreated() < to && "charge".equals(t.getType())) {
                    stripe.add(t);
                }
            }
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe could not be read: " + e.getMessage(), e);
        }
        return transactions.execute(tx -> compare(account.accountId(), period, stripe));
    }

    private Report compare(String accountId, Period period, List<BalanceTransaction> stripe) {
        List<Ours> ours = jdbc.sql("""
                        SELECT id, DATE(booked_at), balance_transaction_id, charge_id, settlement_currency, gross, fee, net
                        FROM payment WHERE account_id = :account AND booked_at >= :from AND booked_at < :to
                          AND status IN (%s)""".formatted(RollupRebuild.RECEIVED))
                .param("account", accountId).param("from", Timestamp.valueOf(period.from().atStartOfDay()))
                .param("to", Timestamp.valueOf(period.to().plusDays(1).atStartOfDay()))
                .query((rs, n) -> {
                    String c = rs.getString(5);
                    return new Ours(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), c,
                            c == null ? null : Money.of(rs.getBigDecimal(6), c), c == null ? null : Money.of(rs.getBigDecimal(7), c),
                            c == null ? null : Money.of(rs.getBigDecimal(8), c));
                }).list();
        Map<String, Ours> byTransaction = new HashMap<>();
        Map<String, Ours> byCharge = new HashMap<>();
        ours.forEach(o -> {
            if (o.btx() != null) byTransaction.put(o.btx(), o);
            if (o.charge() != null) byCharge.put(o.charge(), o);
        });
        Map<String, Money[]> totals = new TreeMap<>();
        List<Difference> differences = new ArrayList<>();
        java.util.Set<Long> matched = new java.util.HashSet<>();
        for (BalanceTransaction t : stripe) {
            String currency = t.getCurrency().toUpperCase(Locale.ROOT);
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(t.getCreated()), ZoneOffset.UTC);
            Money gross = StripeAmounts.fromMinorUnits(t.getAmount(), currency);
            Money fee = StripeAmounts.fromMinorUnits(t.getFee(), currency);
            Money net = StripeAmounts.fromMinorUnits(t.getNet(), currency);
            add(totals, day, currency, 3, gross, fee, net);
            Ours o = byTransaction.getOrDefault(t.getId(), byCharge.get(t.getSource()));
            if (o == null) {
                differences.add(new Difference(day, null, t.getId(), t.getSource(), "no payment recorded for this charge"));
                continue;
            }
            matched.add(o.id());
            if (o.net() == null) {
                differences.add(new Difference(o.day(), o.id(), t.getId(), t.getSource(), "fee and net not recorded yet"));
            } else if (!o.currency().equals(currency) || o.gross().compareTo(gross) != 0 || o.fee().compareTo(fee) != 0
                    || o.net().compareTo(net) != 0) {
                differences.add(new Difference(o.day(), o.id(), t.getId(), t.getSource(), "recorded " + o.gross().amount().toPlainString()
                        + " / " + o.fee().amount().toPlainString() + " / " + o.net().amount().toPlainString() + " " + o.currency()
                        + ", Stripe says " + gross.amount().toPlainString() + " / " + fee.amount().toPlainString() + " / "
                        + net.amount().toPlainString() + " " + currency));
            }
        }
        for (Ours o : ours) {
            if (o.net() != null) {
                add(totals, o.day(), o.currency(), 0, o.gross(), o.fee(), o.net());
            }
            if (!matched.contains(o.id())) {
                differences.add(new Difference(o.day(), o.id(), o.btx(), o.charge(), "no balance transaction at Stripe for this day"));
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Difference d : differences) {
            if (d.paymentId() != null) {
                jdbc.sql("""
                                INSERT INTO payment_sync_state (payment, state, reason, compared_at) VALUES (:id, 'drifted', :reason, :now)
                                ON DUPLICATE KEY UPDATE state = 'drifted', reason = VALUES(reason), compared_at = VALUES(compared_at)""")
                        .param("id", d.paymentId()).param("reason", d.reason()).param("now", now).update();
            }
        }
        List<Day> days = new ArrayList<>();
        totals.forEach((key, m) -> days.add(new Day(LocalDate.parse(key.substring(0, key.indexOf('|'))), key.substring(key.indexOf('|') + 1),
                m[0], m[1], m[2], m[3], m[4], m[5])));
        differences.sort(java.util.Comparator.comparing(Difference::day));
        return new Report(days, differences);
    }

    private static void add(Map<String, Money[]> totals, LocalDate day, String currency, int offset, Money gross, Money fee, Money net) {
        Money zero = Money.zero(java.util.Currency.getInstance(currency));
        Money[] m = totals.computeIfAbsent(day + "|" + currency, k -> new Money[]{zero, zero, zero, zero, zero, zero});
        m[offset] = m[offset].plus(gross);
        m[offset + 1] = m[offset + 1].plus(fee);
        m[offset + 2] = m[offset + 2].plus(net);
    }
}
