package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Subscriptions for workflows, by Stripe's status (active, trialing, past_due, unpaid, canceled). */
@Component
class SubscriptionRecordSource extends SqlRecordSource {

    static final Set<String> LIVE = Set.of("active", "trialing");
    static final Set<String> PAST_DUE = Set.of("past_due", "unpaid");

    SubscriptionRecordSource(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public RecordType type() {
        return RecordType.SUBSCRIPTION;
    }

    @Override
    protected String select() {
        return """
                SELECT s.id, s.quote quote_id, COALESCE(q.number, s.stripe_subscription_id) ref, s.status,
                    s.period_amount amount, s.currency, d.owner, s.deal deal_id, d.name deal_name, d.stage,
                    CONCAT(c.first_name, ' ', c.last_name) buyer_name, c.email buyer_email,
                    COALESCE(c.preferred_locale, q.locale) locale, NULL record_date, s.updated_at occurred
                FROM subscription s LEFT JOIN deal d ON d.id = s.deal LEFT JOIN contact c ON c.id = s.contact
                    LEFT JOIN quote q ON q.id = s.quote""";
    }

    @Override
    protected String idColumn() {
        return "s.id";
    }

    @Override
    protected Set<Long> products(long quoteId) {
        return quoteProducts(quoteId == 0 ? null : quoteId);
    }

    @Override
    public boolean stillMatches(Trigger trigger, RecordSnapshot record) {
        return switch (trigger) {
            case SUBSCRIPTION_CREATED -> !"canceled".equals(record.status());
            case SUBSCRIPTION_PAST_DUE -> PAST_DUE.contains(record.status());
            case SUBSCRIPTION_CANCELED -> "canceled".equals(record.status());
            default -> true;
        };
    }

    @Override
    public List<RecordSnapshot> current(Trigger trigger, int limit) {
        return switch (trigger) {
            case SUBSCRIPTION_CREATED -> where("s.status IN (:statuses)", limit, LIVE.toArray());
            case SUBSCRIPTION_PAST_DUE -> where("s.status IN (:statuses)", limit, PAST_DUE.toArray());
            case SUBSCRIPTION_CANCELED -> where("s.status IN (:statuses)", limit, "canceled");
            default -> List.of();
        };
    }
}
