package com.commercehub.subscription;

import com.commercehub.base.money.Money;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQL reads of subscriptions (one query per list page, items aggregated in it), their payments and history. */
@Component
class SubscriptionQueries {

    private static final String SELECT = """
            SELECT s.id, s.version, s.stripe_subscription_id, s.status, s.paused, s.cancel_at_period_end,
                   CONCAT(c.first_name, ' ', c.last_name) AS buyer_name, c.email, co.name AS company_name, q.number,
                   (SELECT GROUP_CONCAT(CONCAT(TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(i.quantity AS CHAR))), ' × ', COALESCE(i.description, ''))
                           ORDER BY i.line_no SEPARATOR ', ')
                      FROM subscription_item i WHERE i.subscription = s.id) AS items,
                   s.period_amount, s.currency, s.billing_interval, s.billing_interval_count, s.current_period_end,
                   s.contact, s.current_period_start, s.cancel_at, s.canceled_at, s.cancellation_reason
            FROM subscription s
            LEFT JOIN contact c ON c.id = s.contact
            LEFT JOIN company co ON co.id = s.company
            LEFT JOIN quote q ON q.id = s.quote
            """;

    private final JdbcClient jdbc;

    SubscriptionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SubscriptionListEntry> page(SubscriptionFilter filter, Pageable page) {
        Where where = where(filter);
        var spec = jdbc.sql(SELECT + where.sql + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset");
        where.bind(spec);
        return spec.param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> entry(rs)).list();
    }

    long count(SubscriptionFilter filter) {
        Where where = where(filter);
        var spec = jdbc.sql("SELECT COUNT(*) FROM subscription s LEFT JOIN contact c ON c.id = s.contact "
                + "LEFT JOIN company co ON co.id = s.company LEFT JOIN quote q ON q.id = s.quote " + where.sql);
        where.bind(spec);
        return spec.query(Long.class).single();
    }

    Optional<SubscriptionDetails> details(long id) {
        record Head(SubscriptionListEntry entry, Long contact, Instant start, Instant end, Instant cancelAt,
                    Instant canceledAt, String reason) {
        }
        Optional<Head> head = jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id)
                .query((rs, n) -> new Head(entry(rs), (Long) rs.getObject("contact", Long.class),
                        instant(rs.getTimestamp("current_period_start")), instant(rs.getTimestamp("current_period_end")),
                        instant(rs.getTimestamp("cancel_at")), instant(rs.getTimestamp("canceled_at")),
                        rs.getString("cancellation_reason"))).optional();
        return head.map(h -> {
            Currency currency = h.entry().perPeriod().currency();
            List<SubscriptionDetails.Item> items = jdbc.sql("""
                            SELECT stripe_item_id, description, quantity, unit_amount FROM subscription_item
                            WHERE subscription = :id ORDER BY line_no""").param("id", id)
                    .query((rs, n) -> new SubscriptionDetails.Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                            new Money(rs.getBigDecimal(4), currency))).list();
            boolean buyerChangesQuantity = jdbc.sql("""
                            SELECT buyer_changes_quantity FROM subscription_portal_setting WHERE subscription = :id""")
                    .param("id", id).query(Boolean.class).optional().orElse(false);
            return new SubscriptionDetails(h.entry(), h.contact(), h.start(), h.end(), h.cancelAt(), h.canceledAt(),
                    h.reason(), buyerChangesQuantity, items, payments(id), events(id));
        });
    }

    List<SubscriptionDetails.Payment> payments(long subscriptionId) {
        return jdbc.sql("""
                        SELECT id, invoice_id, created_at, paid_at, amount, currency, status, receipt_url FROM payment
                        WHERE subscription = :id ORDER BY id DESC LIMIT 200""").param("id", subscriptionId)
                .query((rs, n) -> new SubscriptionDetails.Payment(rs.getLong(1), rs.getString(2),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                        new Money(rs.getBigDecimal(5), Currency.getInstance(rs.getString(6))), rs.getString(7),
                        rs.getString(8))).list();
    }

    List<SubscriptionDetails.Event> events(long subscriptionId) {
        return jdbc.sql("""
                        SELECT occurred_at, actor_kind, actor, kind, detail FROM subscription_event
                        WHERE subscription = :id ORDER BY occurred_at DESC, id DESC LIMIT 500""").param("id", subscriptionId)
                .query((rs, n) -> new SubscriptionDetails.Event(instant(rs.getTimestamp(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    /** Subscriptions the contact pays (the portal's list), newest first, ended ones last. */
    List<Long> ofContact(long contactId) {
        return jdbc.sql("""
                        SELECT id FROM subscription WHERE contact = :contact
                        ORDER BY status = 'canceled', id DESC LIMIT 100""")
                .param("contact", contactId).query(Long.class).list();
    }

    /** The contacts with this e-mail address (ignoring case) that pay a subscription or were sent an invoice. */
    List<Long> subscribersByEmail(String email) {
        // Every buyer e-mail links to the portal, so a buyer with invoices only may ask for a new link too.
        return jdbc.sql("""
                        SELECT c.id FROM contact c
                        WHERE LOWER(c.email) = LOWER(:email)
                          AND (EXISTS (SELECT 1 FROM subscription s WHERE s.contact = c.id)
                               OR EXISTS (SELECT 1 FROM invoice i WHERE i.status <> 'DRAFT'
                                          AND (i.contact = c.id OR (i.contact IS NULL AND LOWER(i.buyer_email) = LOWER(:email)))))
                        """).param("email", email).query(Long.class).list();
    }

    /** The contact a buyer e-mail's portal link opens: one with this address who pays a subscription, else the oldest. */
    Optional<Long> portalContactByEmail(String email) {
        return jdbc.sql("""
                        SELECT c.id FROM contact c
                        WHERE LOWER(c.email) = LOWER(:email)
                        ORDER BY EXISTS (SELECT 1 FROM subscription s WHERE s.contact = c.id) DESC, c.id
                        LIMIT 1""")
                .param("email", email).query(Long.class).optional();
    }

    record Buyer(long contactId, String name, String email, Locale locale) {
    }

    Optional<Buyer> buyer(long contactId) {
        return jdbc.sql("SELECT id, CONCAT(first_name, ' ', last_name), email, preferred_locale FROM contact WHERE id = :id")
                .param("id", contactId).query((rs, n) -> new Buyer(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? Locale.ENGLISH : Locale.forLanguageTag(rs.getString(4)))).optional();
    }

    /** The owner (staff e-mail) of the quote the subscription was sold through, if any. */
    Optional<String> ownerEmail(long subscriptionId) {
        return jdbc.sql("""
                        SELECT q.owner FROM subscription s JOIN quote q ON q.id = s.quote WHERE s.id = :id""")
                .param("id", subscriptionId).query(String.class).optional();
    }

    void recordEvent(long subscriptionId, Instant at, String actorKind, String actor, String kind, String detail) {
        jdbc.sql("""
                        INSERT INTO subscription_event (subscription, occurred_at, actor_kind, actor, kind, detail)
                        VALUES (:sub, :at, :actorKind, :actor, :kind, :detail)""")
                .param("sub", subscriptionId).param("at", Timestamp.from(at)).param("actorKind", actorKind)
                .param("actor", actor).param("kind", kind)
                .param("detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000)).update();
    }

    void buyerChangesQuantity(long subscriptionId, boolean allowed) {
        jdbc.sql("""
                        INSERT INTO subscription_portal_setting (subscription, buyer_changes_quantity) VALUES (:sub, :allowed)
                        ON DUPLICATE KEY UPDATE buyer_changes_quantity = VALUES(buyer_changes_quantity)""")
                .param("sub", subscriptionId).param("allowed", allowed).update();
    }

    private record Where(String sql, List<Object[]> params) {
        void bind(JdbcClient.StatementSpec spec) {
            for (Object[] param : params) {
                spec.param((String) param[0], param[1]);
            }
        }
    }

    private static Where where(SubscriptionFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object[]> params = new ArrayList<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            conditions.add("(CONCAT(c.first_name, ' ', c.last_name) LIKE :search OR c.email LIKE :search "
                    + "OR co.name LIKE :search OR q.number LIKE :search)");
            params.add(new Object[]{"search", "%" + escapeLike(filter.search().strip()) + "%"});
        }
        if (filter.state() != null) {
            conditions.add(switch (filter.state()) {
                case CANCELED -> "s.status IN ('canceled', 'incomplete_expired')";
                case PAST_DUE -> "s.status IN ('past_due', 'unpaid')";
                case PAUSED -> "(s.status = 'paused' OR (s.status IN ('active', 'trialing') AND s.paused))";
                case SCHEDULED_TO_CANCEL -> "s.status IN ('active', 'trialing') AND NOT s.paused AND s.cancel_at_period_end";
                case TRIALING -> "s.status = 'trialing' AND NOT s.paused AND NOT s.cancel_at_period_end";
                case ACTIVE -> "s.status = 'active' AND NOT s.paused AND NOT s.cancel_at_period_end";
                case OTHER -> "s.status NOT IN ('canceled', 'incomplete_expired', 'past_due', 'unpaid', 'paused', 'active', 'trialing')";
            });
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static SubscriptionListEntry entry(ResultSet rs) throws SQLException {
        Money perPeriod = new Money(rs.getBigDecimal("period_amount"), Currency.getInstance(rs.getString("currency")));
        SubscriptionState state = SubscriptionState.of(rs.getString("status"), rs.getBoolean("paused"),
                rs.getBoolean("cancel_at_period_end"));
        String interval = rs.getString("billing_interval");
        int count = rs.getInt("billing_interval_count");
        Instant periodEnd = instant(rs.getTimestamp("current_period_end"));
        // Nothing more is billed once it has ended or will end at the period's close.
        Instant next = state == SubscriptionState.CANCELED || state == SubscriptionState.SCHEDULED_TO_CANCEL ? null : periodEnd;
        Money mrr = state == SubscriptionState.CANCELED ? Money.zero(perPeriod.currency())
                : MonthlyRecurringRevenue.of(perPeriod, interval, count);
        return new SubscriptionListEntry(rs.getLong("id"), rs.getLong("version"), rs.getString("stripe_subscription_id"),
                state, rs.getString("buyer_name"), rs.getString("email"), rs.getString("company_name"),
                rs.getString("number"), rs.getString("items"), perPeriod, interval, count, next, mrr);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    Optional<Long> idOf(String accountId, String stripeSubscriptionId) {
        return jdbc.sql("SELECT id FROM subscription WHERE account_id = :account AND stripe_subscription_id = :sub")
                .param("account", accountId).param("sub", stripeSubscriptionId).query(Long.class).optional();
    }
}
