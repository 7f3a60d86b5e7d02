package com.commercehub.automation;

import com.commercehub.base.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Records read straight from their features' tables, like the dashboard's read models: one query per record
 * (plus its products), columns aliased to the snapshot's fields. Writes stay with the owning features.
 */
abstract class SqlRecordSource implements RecordSource {

    protected final JdbcClient jdbc;

    SqlRecordSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SELECT … with the aliases {@link #snapshot} reads, ending before WHERE. */
    protected abstract String select();

    /** The id column of {@link #select()}, e.g. {@code q.id}. */
    protected abstract String idColumn();

    /** Product ids on the record. */
    protected abstract Set<Long> products(long quoteId);

    @Override
    public Optional<RecordSnapshot> load(long id) {
        return jdbc.sql(select() + " WHERE " + idColumn() + " = :id").param("id", id)
                .query((rs, n) -> snapshot(rs)).optional();
    }

    protected List<RecordSnapshot> where(String condition, int limit, Object... statuses) {
        var spec = jdbc.sql(select() + " WHERE " + condition + " ORDER BY " + idColumn() + " DESC LIMIT :limit")
                .param("limit", limit);
        if (statuses.length > 0) {
            spec = spec.param("statuses", List.of(statuses));
        }
        return spec.query((rs, n) -> snapshot(rs)).list();
    }

    protected Set<Long> quoteProducts(Long quoteId) {
        if (quoteId == null) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT product FROM quote_line WHERE quote = :q AND product IS NOT NULL")
                .param("q", quoteId).query(Long.class).list());
    }

    private RecordSnapshot snapshot(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Money amount = currency == null || rs.getBigDecimal("amount") == null ? null
                : new Money(rs.getBigDecimal("amount"), Currency.getInstance(currency));
        String locale = rs.getString("locale");
        Timestamp occurred = rs.getTimestamp("occurred");
        long quote = rs.getLong("quote_id");
        Long quoteId = rs.wasNull() ? null : quote;
        long deal = rs.getLong("deal_id");
        Long dealId = rs.wasNull() ? null : deal;
        return new RecordSnapshot(type(), rs.getLong("id"), rs.getString("ref"), rs.getString("status"), amount,
                Set.copyOf(products(quoteId == null ? 0 : quoteId)), rs.getString("owner"), dealId,
                rs.getString("deal_name"), rs.getString("stage"), rs.getString("buyer_name"),
                rs.getString("buyer_email"), locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale),
                rs.getObject("record_date", LocalDate.class), occurred == null ? null : occurred.toInstant());
    }
}
