package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Our invoices for workflows, by the invoice's own status (OPEN, PARTIALLY_PAID, OVERDUE, PAID, VOID…); the
 * record's date is the due date, so steps can run "3 days before it is due".
 */
@Component
class InvoiceRecordSource extends SqlRecordSource {

    /** Sent and still waiting for (the rest of) its money. */
    static final Set<String> AWAITING = Set.of("OPEN", "PARTIALLY_PAID", "OVERDUE");

    InvoiceRecordSource(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public RecordType type() {
        return RecordType.INVOICE;
    }

    @Override
    protected String select() {
        // quote_id carries the invoice's own id: the snapshot asks products() with it.
        return """
                SELECT i.id, i.id quote_id, i.number ref, i.status, i.total - i.amount_paid amount, i.currency,
                    i.owner, i.deal deal_id, d.name deal_name, d.stage, i.buyer_name, i.buyer_email,
                    COALESCE(c.preferred_locale, i.locale) locale, i.due_date record_date, i.status_changed_at occurred
                FROM invoice i LEFT JOIN deal d ON d.id = i.deal LEFT JOIN contact c ON c.id = i.contact""";
    }

    @Override
    protected String idColumn() {
        return "i.id";
    }

    @Override
    protected Set<Long> products(long invoiceId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT product FROM invoice_line WHERE invoice = :i AND product IS NOT NULL")
                .param("i", invoiceId).query(Long.class).list());
    }

    @Override
    public boolean stillMatches(Trigger trigger, RecordSnapshot record) {
        return switch (trigger) {
            case INVOICE_SENT -> AWAITING.contains(record.status());
            case INVOICE_OVERDUE -> "OVERDUE".equals(record.status());
            default -> true;
        };
    }

    @Override
    public List<RecordSnapshot> current(Trigger trigger, int limit) {
        return switch (trigger) {
            case INVOICE_SENT -> where("i.status IN (:statuses)", limit, AWAITING.toArray());
            case INVOICE_OVERDUE -> where("i.status IN (:statuses)", limit, "OVERDUE");
            default -> List.of();
        };
    }
}
