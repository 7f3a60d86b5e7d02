package com.commercehub.product;

import com.commercehub.base.db.SqlLike;
import com.commercehub.base.money.Money;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SQL for the library's lists: filters become a WHERE clause that the (archived, name|sku|updated)
 * indexes serve, sorting is limited to known columns, and exports stream rows instead of loading them.
 */
@Component
class ProductQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "p.name", "sku", "p.sku", "price", "p.price_amount", "updated", "p.updated_at",
            "currency", "p.currency");

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    ProductQueries(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate streamingTemplate = new JdbcTemplate(dataSource);
        // MariaDB's driver streams result sets when a fetch size is set, so exports stay small in memory.
        streamingTemplate.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(streamingTemplate);
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    private static Where where(ProductFilter filter) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        switch (filter.status() == null ? ProductFilter.Status.ACTIVE : filter.status()) {
            case ACTIVE -> conditions.add("p.archived = FALSE");
            case ARCHIVED -> conditions.add("p.archived = TRUE");
            case ALL -> conditions.add("p.archived IN (FALSE, TRUE)");
        }
        String search = filter.search() == null ? "" : filter.search().strip();
        if (!search.isEmpty()) {
            conditions.add("(p.name LIKE :contains ESCAPE '!' OR p.sku_key LIKE :prefix ESCAPE '!')");
            params.addValue("contains", SqlLike.contains(search));
            params.addValue("prefix", SqlLike.upperPrefix(search));
        }
        if (filter.billing() == ProductFilter.BillingKind.ONE_TIME) {
            conditions.add("p.billing_interval IS NULL");
        } else if (filter.billing() == ProductFilter.BillingKind.RECURRING) {
            conditions.add("p.billing_interval IS NOT NULL");
        }
        if (filter.currency() != null && !filter.currency().isBlank()) {
            conditions.add("p.currency = :currency");
            params.addValue("currency", filter.currency());
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), params);
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " ASC" : " DESC"));
            }
        }
        if (parts.isEmpty()) {
            parts.add("p.name ASC");
        }
        parts.add("p.id ASC");
        return " ORDER BY " + String.join(", ", parts);
    }

    /**
     * A page in two steps: the page's ids come from the narrow (archived, name, id, sku_key) index
     * alone, then only those rows are read. Searching a name substring must look at every entry;
     * reading 50 rows instead of every row keeps that fast, and deep scrolling too.
     */
    List<ProductListEntry> page(ProductFilter filter, Pageable pageable) {
        Where where = where(filter);
        String order = orderBy(pageable.getSort());
        String sql = """
                SELECT p.id, p.name, p.sku, p.price_amount, p.currency, p.billing_interval, p.billing_interval_count,
                       p.term_periods, t.name AS tax_rate_name, p.archived, p.updated_at
                FROM (SELECT p.id FROM product p""" + where.sql() + order + """
                 LIMIT :limit OFFSET :offset) page
                JOIN product p ON p.id = page.id
                LEFT JOIN tax_rate t ON t.id = p.default_tax_rate""" + order;
        where.params().addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        return jdbc.query(sql, where.params(), LIST_ENTRY);
    }

    int count(ProductFilter filter) {
        Where where = where(filter);
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM product p" + where.sql(), where.params(),
                Integer.class);
        return count == null ? 0 : count;
    }

    void forEach(ProductFilter filter, Consumer<ProductDetails> action) {
        Where where = where(filter);
        streaming.query("SELECT p.* FROM product p" + where.sql() + " ORDER BY p.name, p.id", where.params(),
                rs -> {
                    action.accept(details(rs));
                });
    }

    List<String> currenciesInUse() {
        return jdbc.getJdbcTemplate().queryForList("SELECT DISTINCT currency FROM product ORDER BY currency",
                String.class);
    }

    private static final RowMapper<ProductListEntry> LIST_ENTRY = (rs, n) -> new ProductListEntry(
            rs.getLong("id"), rs.getString("name"), rs.getString("sku"),
            new Money(rs.getBigDecimal("price_amount"), Currency.getInstance(rs.getString("currency"))),
            frequency(rs), (Integer) rs.getObject("term_periods"), rs.getString("tax_rate_name"),
            rs.getBoolean("archived"), rs.getTimestamp("updated_at").toInstant());

    private static BillingFrequency frequency(ResultSet rs) throws SQLException {
        String interval = rs.getString("billing_interval");
        return interval == null ? null
                : new BillingFrequency(IntervalUnit.valueOf(interval), rs.getInt("billing_interval_count"));
    }

    private static ProductDetails details(ResultSet rs) throws SQLException {
        Long taxRate = rs.getObject("default_tax_rate", Long.class);
        return new ProductDetails(rs.getLong("id"), rs.getLong("version"), rs.getString("name"), rs.getString("sku"),
                rs.getString("description"),
                new Money(rs.getBigDecimal("price_amount"), Currency.getInstance(rs.getString("currency"))),
                frequency(rs), (Integer) rs.getObject("term_periods"), rs.getBigDecimal("unit_cost_amount"),
                taxRate, rs.getString("url"),
                rs.getString("image_url"), rs.getBoolean("archived"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
