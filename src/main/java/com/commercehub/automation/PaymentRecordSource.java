package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Payments for workflows: the deal's owner, the quote's products and the buyer's language. */
@Component
class PaymentRecordSource extends SqlRecordSource {

    private static final List<String> RECEIVED = List.of("SUCCEEDED", "PARTIALLY_REFUNDED", "DISPUTED", "DISPUTE_WON");

    PaymentRecordSource(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public RecordType type() {
        return RecordType.PAYMENT;
    }

    @Override
    protected String select() {
        return """
                SELECT p.id, p.quote quote_id, COALESCE(q.number, CONCAT('#', p.id)) ref, p.status, p.amount, p.currency,
                    d.owner, p.deal deal_id, d.name deal_name, d.stage, CONCAT(c.first_name, ' ', c.last_name) buyer_name,
                    c.email buyer_email, COALESCE(c.preferred_locale, q.locale) locale, NULL record_date,
                    COALESCE(p.paid_at, p.updated_at) occurred
                FROM payment p LEFT JOIN deal d ON d.id = p.deal LEFT JOIN contact c ON c.id = p.contact
                    LEFT JOIN quote q ON q.id = p.quote""";
    }

    @Override
    protected String idColumn() {
        return "p.id";
    }

    @Override
    protected Set<Long> products(long quoteId) {
        return quoteProducts(quoteId == 0 ? null : quoteId);
    }

    /** A survey after a payment is not sent once the money went back; a failed payment paid later is done. */
    @Override
    public boolean stillMatches(Trigger trigger, RecordSnapshot record) {
        return switch (trigger) {
            case PAYMENT_SUCCEEDED -> RECEIVED.contains(record.status());
            case PAYMENT_FAILED -> "FAILED".equals(record.status());
            default -> true;
        };
    }

    @Override
    public List<RecordSnapshot> current(Trigger trigger, int limit) {
        return switch (trigger) {
            case PAYMENT_SUCCEEDED -> where("p.status IN (:statuses)", limit, RECEIVED.toArray());
            case PAYMENT_FAILED -> where("p.status IN (:statuses)", limit, "FAILED");
            case PAYMENT_REFUNDED -> where("p.status IN (:statuses)", limit, "REFUNDED", "PARTIALLY_REFUNDED");
            default -> List.of();
        };
    }
}
