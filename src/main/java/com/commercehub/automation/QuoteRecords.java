package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Quotes for workflows: the first payment as amount, the expiry date as the record's date. */
@Component
class QuoteRecords extends SqlRecordSource {

    private static final Set<String> OPEN = Set.of("PUBLISHED", "VIEWED");

    QuoteRecords(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public RecordType type() {
        return RecordType.QUOTE;
    }

    @Override
    protected String select() {
        return """
                SELECT q.id, q.id quote_id, q.number ref, q.status, q.first_payment amount, q.currency, q.owner,
                    q.deal deal_id, d.name deal_name, d.stage, CONCAT(c.first_name, ' ', c.last_name) buyer_name,
                    c.email buyer_email, COALESCE(c.preferred_locale, q.locale) locale, q.expires_on record_date,
                    q.status_changed_at occurred
                FROM quote q JOIN deal d ON d.id = q.deal LEFT JOIN contact c ON c.id = q.contact""";
    }

    @Override
    protected String idColumn() {
        return "q.id";
    }

    @Override
    protected Set<Long> products(long quoteId) {
        return quoteProducts(quoteId);
    }

    /** Published and viewed wait for the buyer; a signature, payment, recall or expiry ends that. */
    @Override
    public boolean stillMatches(Trigger trigger, RecordSnapshot record) {
        return switch (trigger) {
            case QUOTE_PUBLISHED, QUOTE_VIEWED, QUOTE_EXPIRING -> OPEN.contains(record.status());
            case QUOTE_SIGNED -> Set.of("SIGNED", "PAID").contains(record.status());
            default -> true;
        };
    }

    @Override
    public List<RecordSnapshot> current(Trigger trigger, int limit) {
        List<String> statuses = switch (trigger) {
            case QUOTE_PUBLISHED, QUOTE_EXPIRING -> List.of("PUBLISHED", "VIEWED");
            case QUOTE_VIEWED -> List.of("VIEWED");
            case QUOTE_SIGNED -> List.of("SIGNED");
            case QUOTE_PAID -> List.of("PAID");
            default -> List.of();
        };
        return statuses.isEmpty() ? List.of() : where("q.status IN (:statuses)", limit, statuses.toArray());
    }
}
