package com.commercehub.payment;

import com.commercehub.base.money.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Writes what Stripe says about payments, refunds, disputes and subscriptions. For the feature that
 * processes Stripe's events (a worker with no signed-in user, hence not a secured service). Every write
 * joins the caller's transaction, is keyed on Stripe's ids and merges: a repeated or late event leaves
 * the record as the latest state it knows, so processing is idempotent and order-independent.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentRecords {

    /** What {@link #record} did: the row, whether it is new, and the status before (null when new). */
    public record Recorded(long id, boolean created, PaymentStatus before, PaymentStatus after) {

        /** This call is the one that first saw the money arrive (the moment to tell people, once). */
        public boolean newlyReceived() {
            return after.received() && (before == null || !before.received());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PaymentRecordsListener> listeners;

    PaymentRecords(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
                   ObjectProvider<PaymentRecordsListener> listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.listeners = listeners;
    }

    /**
     * Creates or merges the payment, then publishes {@link PaymentRecorded} inside the same transaction, so
     * the documents that follow a payment (an invoice paid, a receipt) are written with it or not at all.
     */
    public Recorded record(PaymentFacts facts) {
        Written written = write(facts);
        Recorded recorded = written.recorded();
        events.publishEvent(new PaymentRecorded(recorded.id(), written.invoice(), recorded.after(),
                recorded.newlyReceived()));
        return recorded;
    }

    /** What a write left: the outcome, and our invoice the payment now settles (the row's, else the facts'). */
    private record Written(Recorded recorded, Long invoice) {
    }

    private Written write(PaymentFacts facts) {
        Timestamp now = Timestamp.from(clock.instant());
        Settlement s = facts.settlement();
        // Insert-if-absent first: a second writer of the same payment (the webhook's worker and the buyer's
        // return page at once) waits on the unique key here instead of deadlocking on gap locks, and then
        // merges below, after the first committed.
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO payment (account_id, source_key, quote, quote_version, deal, contact, company,
                            subscription, stripe_subscription_id, checkout_session_id, payment_intent_id, invoice_id, invoice,
                            charge_id, balance_transaction_id, method, status, amount, currency, gross, fee, net,
                            settlement_currency, exchange_rate, receipt_url, failure_reason, paid_at, created_at, updated_at,
                            payment_link)
                        VALUES (:account, :key, :quote, :quoteVersion, :deal, :contact, :company,
                            (SELECT id FROM subscription WHERE account_id = :account AND stripe_subscription_id = :sub),
                            :sub, :session, :intent, :invoice, :ourInvoice, :charge, :btx, :method, :status, :amount, :currency,
                            :gross, :fee, :net, :settlement, :rate, :receipt, :failure, :paidAt, :now, :now, :link)""")
                .param("account", facts.accountId()).param("key", facts.sourceKey())
                .param("quote", facts.quoteId()).param("quoteVersion", facts.quoteVersion())
                .param("deal", facts.dealId()).param("contact", facts.contactId()).param("company", facts.companyId())
                .param("sub", facts.stripeSubscriptionId()).param("session", facts.checkoutSessionId())
                .param("intent", facts.paymentIntentId()).param("invoice", facts.invoiceId())
                .param("ourInvoice", facts.invoice())
                .param("charge", facts.chargeId()).param("btx", s == null ? null : s.balanceTransactionId())
                .param("method", facts.method()).param("status", facts.status().name())
                .param("amount", facts.amount().amount()).param("currency", facts.amount().currency().getCurrencyCode())
                .param("gross", s == null ? null : s.gross().amount()).param("fee", s == null ? null : s.fee().amount())
                .param("net", s == null ? null : s.net().amount())
                .param("settlement", s == null ? null : s.net().currency().getCurrencyCode())
                .param("rate", s == null ? null : s.exchangeRate()).param("receipt", facts.receiptUrl())
                .param("failure", facts.failureReason()).param("paidAt", timestamp(facts.paidAt()))
                .param("now", now).param("link", facts.paymentLinkId()).update();
        record Row(long id, PaymentStatus status, Long invoice) {
        }
        Row existing = jdbc.sql("""
                        SELECT id, status, invoice FROM payment
                        WHERE account_id = :account AND source_key = :key FOR UPDATE""")
                .param("account", facts.accountId()).param("key", facts.sourceKey())
                .query((rs, n) -> new Row(rs.getLong(1), PaymentStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class))).single();
        if (inserted == 1) {
            paymentChanged(existing.id());
            return new Written(published(new Recorded(existing.id(), true, null, facts.status())), existing.invoice());
        }
        PaymentStatus before = existing.status();
        PaymentStatus after = before.then(facts.status());
        long id = existing.id();
        jdbc.sql("""
                        UPDATE payment SET status = :status, version = version + 1, updated_at = :now,
                            quote = COALESCE(quote, :quote), quote_version = COALESCE(quote_version, :quoteVersion),
                            deal = COALESCE(deal, :deal), contact = COALESCE(contact, :contact),
                            company = COALESCE(company, :company), payment_link = COALESCE(payment_link, :link),
                            subscription = COALESCE(subscription, (SELECT s.id FROM subscription s
                                WHERE s.account_id = :account AND s.stripe_subscription_id = :sub)),
                            stripe_subscription_id = COALESCE(stripe_subscription_id, :sub),
                            checkout_session_id = COALESCE(checkout_session_id, :session),
                            payment_intent_id = COALESCE(payment_intent_id, :intent),
                            invoice_id = COALESCE(invoice_id, :invoice), invoice = COALESCE(invoice, :ourInvoice),
                            charge_id = COALESCE(:charge, charge_id),
                            balance_transaction_id = COALESCE(:btx, balance_transaction_id),
                            method = COALESCE(:method, method),
                            gross = COALESCE(:gross, gross), fee = COALESCE(:fee, fee), net = COALESCE(:net, net),
                            settlement_currency = COALESCE(:settlement, settlement_currency),
                            exchange_rate = COALESCE(:rate, exchange_rate), receipt_url = COALESCE(:receipt, receipt_url),
                            failure_reason = CASE WHEN :received THEN NULL ELSE COALESCE(:failure, failure_reason) END,
                            paid_at = COALESCE(paid_at, :paidAt)
                        WHERE id = :id""")
                .param("id", id).param("status", after.name()).param("now", now)
                .param("account", facts.accountId()).param("sub", facts.stripeSubscriptionId())
                .param("quote", facts.quoteId()).param("quoteVersion", facts.quoteVersion())
                .param("deal", facts.dealId()).param("contact", facts.contactId()).param("company", facts.companyId())
                .param("session", facts.checkoutSessionId()).param("intent", facts.paymentIntentId())
                .param("invoice", facts.invoiceId()).param("ourInvoice", facts.invoice()).param("charge", facts.chargeId())
                .param("btx", s == null ? null : s.balanceTransactionId()).param("method", facts.method())
                .param("gross", s == null ? null : s.gross().amount()).param("fee", s == null ? null : s.fee().amount())
                .param("net", s == null ? null : s.net().amount())
                .param("settlement", s == null ? null : s.net().currency().getCurrencyCode())
                .param("rate", s == null ? null : s.exchangeRate()).param("receipt", facts.receiptUrl())
                .param("received", after.received()).param("failure", facts.failureReason())
                .param("paidAt", timestamp(facts.paidAt())).param("link", facts.paymentLinkId()).update();
        paymentChanged(id);
        // The merge above kept the invoice the row had (COALESCE), so that is the one the payment settles.
        return new Written(published(new Recorded(id, false, before, after)),
                existing.invoice() != null ? existing.invoice() : facts.invoice());
    }

    /** Tells listeners inside this transaction (automation) what changed; see {@link PaymentChanged}. */
    private Recorded published(Recorded recorded) {
        if (recorded.before() != recorded.after()) {
            events.publishEvent(new PaymentChanged.Recorded(recorded.id(), recorded.before(), recorded.after()));
        }
        return recorded;
    }

    /**
     * The refunds Stripe lists for a charge (all of them, each once by id); the payment becomes partially
     * or fully refunded by their sum. Nothing happens for a charge we hold no payment for.
     */
    public Optional<Long> refunds(String accountId, String chargeId, List<RefundFacts> refunds) {
        Optional<Long> payment = paymentOfCharge(accountId, chargeId);
        payment.ifPresent(id -> {
            Timestamp now = Timestamp.from(clock.instant());
            // Locking reads only. A plain read would see this transaction's snapshot, which may predate the
            // refunds and status another worker committed for the same charge meanwhile (a refund row our insert
            // finds unchanged stays invisible in it), and the write below would then undo them.
            var locked = jdbc.sql("SELECT amount, status FROM payment WHERE id = :id FOR UPDATE").param("id", id)
                    .query((rs, n) -> new Object[]{rs.getBigDecimal(1), PaymentStatus.valueOf(rs.getString(2))}).single();
            for (RefundFacts refund : refunds) {
                jdbc.sql("""
                                INSERT INTO payment_refund (payment, refund_id, amount, currency, status, created_at)
                                VALUES (:payment, :refund, :amount, :currency, :status, :created)
                                ON DUPLICATE KEY UPDATE status = VALUES(status)""")
                        .param("payment", id).param("refund", refund.refundId()).param("amount", refund.amount().amount())
                        .param("currency", refund.amount().currency().getCurrencyCode()).param("status", refund.status())
                        .param("created", timestamp(refund.createdAt() == null ? clock.instant() : refund.createdAt()))
                        .update();
            }
            BigDecimal refunded = jdbc.sql("""
                            SELECT COALESCE(SUM(amount), 0) FROM payment_refund
                            WHERE payment = :id AND status IN ('succeeded', 'pending') FOR UPDATE""")
                    .param("id", id).query(BigDecimal.class).single();
            BigDecimal amount = (BigDecimal) locked[0];
            PaymentStatus status = (PaymentStatus) locked[1];
            if (refunded.signum() > 0) {
                status = status.then(refunded.compareTo(amount) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED);
            }
            jdbc.sql("UPDATE payment SET refunded = :refunded, status = :status, version = version + 1, updated_at = :now WHERE id = :id")
                    .param("refunded", refunded).param("status", status.name()).param("now", now).param("id", id).update();
            paymentChanged(id);
            if (refunded.signum() > 0) {
                events.publishEvent(new PaymentChanged.Refunded(id, refunded));
            }
        });
        return payment;
    }

    /** A dispute on the charge opened or closed; returns the payment it concerns, if we hold it. */
    public Optional<Long> dispute(String accountId, String chargeId, String disputeId, PaymentStatus status) {
        Optional<Long> payment = paymentOfCharge(accountId, chargeId);
        payment.ifPresent(id -> {
            PaymentStatus current = jdbc.sql("SELECT status FROM payment WHERE id = :id FOR UPDATE").param("id", id)
                    .query((rs, n) -> PaymentStatus.valueOf(rs.getString(1))).single();
            jdbc.sql("""
                            UPDATE payment SET status = :status, dispute_id = :dispute, version = version + 1,
                                updated_at = :now WHERE id = :id""")
                    .param("status", current.then(status).name()).param("dispute", disputeId)
                    .param("now", Timestamp.from(clock.instant())).param("id", id).update();
            paymentChanged(id);
        });
        return payment;
    }

    /**
     * Creates or refreshes the subscription record; returns its id. The version moves only when what staff see of
     * it changed, so a late webhook repeating what an action already wrote does not make the page look stale.
     */
    public long subscription(SubscriptionFacts facts) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO subscription (account_id, stripe_subscription_id, stripe_customer_id, quote,
                            quote_version, deal, contact, company, status, currency, period_amount, billing_interval,
                            billing_interval_count, current_period_start, current_period_end, cancel_at_period_end,
                            created_at, updated_at, payment_link)
                        VALUES (:account, :sub, :customer, :quote, :quoteVersion, :deal, :contact, :company, :status,
                            :currency, :amount, :interval, :count, :start, :end, :cancel, :now, :now, :link)
                        ON DUPLICATE KEY UPDATE
                            version = IF(status <=> VALUES(status) AND period_amount <=> VALUES(period_amount)
                                AND current_period_start <=> VALUES(current_period_start)
                                AND current_period_end <=> VALUES(current_period_end)
                                AND cancel_at_period_end <=> VALUES(cancel_at_period_end), version, version + 1),
                            status = VALUES(status), period_amount = VALUES(period_amount),
                            current_period_start = VALUES(current_period_start),
                            current_period_end = VALUES(current_period_end),
                            cancel_at_period_end = VALUES(cancel_at_period_end),
                            quote = COALESCE(quote, VALUES(quote)), quote_version = COALESCE(quote_version, VALUES(quote_version)),
                            deal = COALESCE(deal, VALUES(deal)), contact = COALESCE(contact, VALUES(contact)),
                            company = COALESCE(company, VALUES(company)),
                            payment_link = COALESCE(payment_link, VALUES(payment_link)), updated_at = VALUES(updated_at)""")
                .param("account", facts.accountId()).param("sub", facts.stripeSubscriptionId())
                .param("customer", facts.stripeCustomerId()).param("quote", facts.quoteId())
                .param("quoteVersion", facts.quoteVersion()).param("deal", facts.dealId())
                .param("contact", facts.contactId()).param("company", facts.companyId()).param("status", facts.status())
                .param("currency", facts.periodAmount().currency().getCurrencyCode())
                .param("amount", facts.periodAmount().amount()).param("interval", facts.interval())
                .param("count", facts.intervalCount()).param("start", timestamp(facts.currentPeriodStart()))
                .param("end", timestamp(facts.currentPeriodEnd())).param("cancel", facts.cancelAtPeriodEnd())
                .param("now", now).param("link", facts.paymentLinkId()).update();
        long id = jdbc.sql("SELECT id FROM subscription WHERE account_id = :account AND stripe_subscription_id = :sub")
                .param("account", facts.accountId()).param("sub", facts.stripeSubscriptionId()).query(Long.class).single();
        jdbc.sql("DELETE FROM subscription_item WHERE subscription = :id").param("id", id).update();
        int line = 0;
        for (SubscriptionFacts.Item item : facts.items()) {
            jdbc.sql("""
                            INSERT INTO subscription_item (subscription, line_no, stripe_item_id, description, quantity, unit_amount)
                            VALUES (:id, :line, :item, :description, :quantity, :unit)""")
                    .param("id", id).param("line", line++).param("item", item.stripeItemId())
                    .param("description", item.description()).param("quantity", item.quantity())
                    .param("unit", item.unitAmount()).update();
        }
        // Payments of its periods recorded before the subscription itself (events come in any order).
        List<Long> adopted = jdbc.sql("""
                        SELECT id FROM payment WHERE subscription IS NULL AND account_id = :account
                          AND stripe_subscription_id = :sub ORDER BY id FOR UPDATE""")
                .param("account", facts.accountId()).param("sub", facts.stripeSubscriptionId()).query(Long.class).list();
        for (long payment : adopted) {
            jdbc.sql("UPDATE payment SET subscription = :id WHERE id = :payment").param("id", id)
                    .param("payment", payment).update();
            paymentChanged(payment);
        }
        listeners.orderedStream().forEach(listener -> listener.subscriptionChanged(id));
        events.publishEvent(new PaymentChanged.SubscriptionRecorded(id, facts.status()));
        return id;
    }

    /**
     * The subscription's collection and cancellation as Stripe has them: paused collection, when a scheduled
     * cancellation takes effect, when it was canceled and the reason given. Nothing happens without the record.
     */
    public void subscriptionState(String accountId, String stripeSubscriptionId, boolean paused, Instant cancelAt,
                                  Instant canceledAt, String cancellationReason) {
        jdbc.sql("""
                        UPDATE subscription SET
                            version = IF(paused <=> :paused AND cancel_at <=> :cancelAt AND canceled_at <=> :canceledAt
                                AND cancellation_reason <=> :reason, version, version + 1),
                            paused = :paused, cancel_at = :cancelAt, canceled_at = :canceledAt,
                            cancellation_reason = :reason
                        WHERE account_id = :account AND stripe_subscription_id = :sub""")
                .param("paused", paused).param("cancelAt", timestamp(cancelAt)).param("canceledAt", timestamp(canceledAt))
                .param("reason", cancellationReason == null || cancellationReason.length() <= 500 ? cancellationReason
                        : cancellationReason.substring(0, 500))
                .param("account", accountId).param("sub", stripeSubscriptionId).update();
    }

    /** Where a payment came from at Stripe, to read it again. */
    public record Source(long paymentId, String accountId, String checkoutSessionId, String invoiceId, String chargeId) {
    }

    public Optional<Source> source(long paymentId) {
        return jdbc.sql("SELECT id, account_id, checkout_session_id, invoice_id, charge_id FROM payment WHERE id = :id")
                .param("id", paymentId).query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).optional();
    }

    /** Payments of the account whose charge Stripe had not settled when they were recorded (no fee yet). */
    public List<Source> awaitingFees(String accountId, int limit) {
        return jdbc.sql("""
                        SELECT id, account_id, checkout_session_id, invoice_id, charge_id FROM payment
                        WHERE account_id = :account AND net IS NULL AND status <> 'FAILED'
                        ORDER BY id LIMIT :limit""")
                .param("account", accountId).param("limit", limit)
                .query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    /** Stripe has reported the payment's fee and net. */
    public boolean settled(long paymentId) {
        return jdbc.sql("SELECT net IS NOT NULL FROM payment WHERE id = :id").param("id", paymentId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The quote version a payment was made for, if it was. */
    public record QuoteRef(long quoteId, int version) {
    }

    public Optional<QuoteRef> quoteOf(long paymentId) {
        return jdbc.sql("SELECT quote, quote_version FROM payment WHERE id = :id AND quote IS NOT NULL")
                .param("id", paymentId).query((rs, n) -> new QuoteRef(rs.getLong(1), rs.getInt(2))).optional();
    }

    /** Where a subscription's sale belongs in the CRM; each part may be null. */
    public record Parties(Long dealId, Long contactId, Long companyId) {
    }

    /**
     * The deal, contact and company the subscription was recorded with when it was sold (its record keeps
     * the first it was given); empty when the subscription is not recorded yet.
     */
    public Optional<Parties> subscriptionParties(String accountId, String stripeSubscriptionId) {
        return jdbc.sql("""
                        SELECT deal, contact, company FROM subscription
                        WHERE account_id = :account AND stripe_subscription_id = :sub""")
                .param("account", accountId).param("sub", stripeSubscriptionId)
                .query((rs, n) -> new Parties((Long) rs.getObject("deal"), (Long) rs.getObject("contact"),
                        (Long) rs.getObject("company"))).optional();
    }

    /** The Stripe customer paying the quote's subscription in the account, if it has one. */
    public Optional<String> subscriptionCustomer(String accountId, long quoteId) {
        return jdbc.sql("""
                        SELECT stripe_customer_id FROM subscription WHERE account_id = :account AND quote = :quote
                          AND stripe_customer_id IS NOT NULL ORDER BY id DESC LIMIT 1""")
                .param("account", accountId).param("quote", quoteId).query(String.class).optional();
    }

    private void paymentChanged(long paymentId) {
        listeners.orderedStream().forEach(listener -> listener.paymentChanged(paymentId));
    }

    private Optional<Long> paymentOfCharge(String accountId, String chargeId) {
        return jdbc.sql("SELECT id FROM payment WHERE account_id = :account AND charge_id = :charge ORDER BY id LIMIT 1")
                .param("account", accountId).param("charge", chargeId).query(Long.class).optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, Currency.getInstance(currency));
    }
}
