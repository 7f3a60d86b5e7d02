package com.commercehub.base.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An install made before issue 11 (schema V31) upgrades without losing or changing anything: the schema is migrated
 * to V31, every table gets a row (found through information_schema, so no table is forgotten), then the remaining
 * migrations run — the ones that exist today and every one added later — and every V31 row is still there with the
 * same value in every V31 column.
 */
class UpgradeIT {

    /** The schema as it was when upgrades began to be tested; installs of that age must upgrade cleanly. */
    private static final String BASELINE = "31";

    /**
     * Columns a later migration changes on purpose, with the migration and why: they are not compared. Keep this short
     * — a migration that rewrites stored data must say so here, and README's upgrade notes must mention it.
     */
    private static final Map<String, String> TRANSFORMED = Map.of();

    /** Realistic values where a column holds one of a few codes (a later migration may rewrite by value). */
    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("app_user_role.role", "ADMIN"),
            Map.entry("quote.status", "PUBLISHED"),
            Map.entry("quote_event.status", "PUBLISHED"),
            Map.entry("quote_line.billing_interval", "month"),
            Map.entry("quote_line.discount_kind", "PERCENT"),
            Map.entry("quote_adjustment.type", "DISCOUNT"),
            Map.entry("quote_adjustment.kind", "PERCENT"),
            Map.entry("quote_signature.role", "BUYER"),
            Map.entry("product.billing_interval", "month"),
            Map.entry("deal_line.billing_interval", "month"),
            Map.entry("deal_line.discount_kind", "PERCENT"),
            Map.entry("email_outbox.status", "PENDING"),
            Map.entry("email_attempt.outcome", "SENT"),
            Map.entry("payment.status", "SUCCEEDED"),
            Map.entry("payment_refund.status", "succeeded"),
            Map.entry("subscription.status", "active"),
            Map.entry("subscription.billing_interval", "month"),
            Map.entry("quote_checkout_session.mode", "payment"),
            Map.entry("sandbox_idempotency.status", 200));

    @Test
    void every_row_of_every_table_at_v31_survives_the_migrations_unchanged() throws Exception {
        try (EmbeddedMariaDb.Lease lease = EmbeddedMariaDb.acquire(Path.of("target/test-mariadb"), "hub_upgrade",
                true, true)) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(lease.jdbcUrl(), lease.username(),
                    lease.password(), true);
            try {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                flyway(dataSource, MigrationVersion.fromVersion(BASELINE)).clean();
                flyway(dataSource, MigrationVersion.fromVersion(BASELINE)).migrate();
                assertThat(schemaVersion(jdbc)).isEqualTo(BASELINE);

                Map<String, List<String>> columnsBefore = columns(jdbc);
                assertThat(VALUES.keySet()).as("columns given sample values").allSatisfy(column -> assertThat(
                        columnsBefore.getOrDefault(column.split("\\.")[0], List.of())).contains(column.split("\\.")[1]));
                new TableFiller(jdbc, VALUES).fillEveryTable();
                columnsBefore.forEach((table, columns) -> assertThat(count(jdbc, table))
                        .as("rows in %s before upgrading", table).isPositive());
                Map<String, Map<String, Map<String, String>>> before = new TreeMap<>();
                columnsBefore.forEach((table, columns) -> before.put(table, rows(jdbc, table, columns)));

                flyway(dataSource, MigrationVersion.LATEST).migrate();
                assertThat(schemaVersion(jdbc)).isEqualTo(MigrationsIT.migrationFiles().getLast());

                Map<String, List<String>> columnsAfter = columns(jdbc);
                List<String> differences = new ArrayList<>();
                columnsBefore.forEach((table, columns) -> {
                    List<String> kept = columns.stream().filter(c -> !TRANSFORMED.containsKey(table + "." + c)).toList();
                    List<String> missing = kept.stream()
                            .filter(c -> !columnsAfter.getOrDefault(table, List.of()).contains(c)).toList();
                    if (!missing.isEmpty()) {
                        differences.add(table + ": columns gone " + missing);
                        return;
                    }
                    Map<String, Map<String, String>> after = rows(jdbc, table, columns);
                    before.get(table).forEach((key, row) -> {
                        Map<String, String> now = after.get(key);
                        if (now == null) {
                            differences.add(table + ": row gone " + key);
                            return;
                        }
                        for (String column : kept) {
                            if (!java.util.Objects.equals(row.get(column), now.get(column))) {
                                differences.add(table + "." + column + " of " + key + ": " + row.get(column)
                                        + " became " + now.get(column));
                            }
                        }
                    });
                });
                assertThat(differences).as("what the upgrade lost or changed").isEmpty();
            } finally {
                dataSource.destroy();
            }
        }
    }

    private static Flyway flyway(SingleConnectionDataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target)
                .cleanDisabled(false).load();
    }

    private static String schemaVersion(JdbcClient jdbc) {
        return jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1").query(String.class).single();
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM `" + table + "`").query(Integer.class).single();
    }

    /** Every base table (but Flyway's own) and its columns, in order. */
    static Map<String, List<String>> columns(JdbcClient jdbc) {
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.sql("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                          AND c.table_name <> 'flyway_schema_history'
                        ORDER BY c.table_name, c.ordinal_position""")
                .query((ResultSet rs) -> {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                });
        return columns;
    }

    /**
     * The table's rows keyed by primary key (or by the whole row when it has none), each value as text (binary as hex),
     * for the given columns only.
     */
    private static Map<String, Map<String, String>> rows(JdbcClient jdbc, String table, List<String> columns) {
        List<String> key = jdbc.sql("""
                        SELECT column_name FROM information_schema.key_column_usage
                        WHERE table_schema = DATABASE() AND table_name = :table AND constraint_name = 'PRIMARY'
                        ORDER BY ordinal_position""")
                .param("table", table).query(String.class).list();
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> "`" + c + "`").toList())
                + " FROM `" + table + "`";
        Map<String, Map<String, String>> rows = new TreeMap<>();
        Map<String, Integer> duplicates = new HashMap<>();
        jdbc.sql(select).query((ResultSet rs) -> {
            Map<String, String> row = new LinkedHashMap<>();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), text(rs, i, meta.getColumnType(i)));
            }
            String id = key.isEmpty() ? row.toString() : key.stream().map(row::get).toList().toString();
            int seen = duplicates.merge(id, 1, Integer::sum);
            rows.put(seen == 1 ? id : id + "#" + seen, row);
        });
        return rows;
    }

    private static String text(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                yield bytes == null ? null : HexFormat.of().formatHex(bytes);
            }
            default -> rs.getString(column);
        };
    }

    /**
     * Inserts one row into every table that has none, parents before children: foreign keys take the parent row's
     * value, every other column (nullable ones too) a value of its type, generated columns are left to the database.
     */
    static final class TableFiller {

        private record Column(String name, String dataType, String columnType, boolean nullable, Long length,
                              Integer precision, Integer scale, boolean generated) {
        }

        private record Reference(String table, String column) {
        }

        private final JdbcClient jdbc;
        private final Map<String, Object> values;

        TableFiller(JdbcClient jdbc, Map<String, Object> values) {
            this.jdbc = jdbc;
            this.values = values;
        }

        void fillEveryTable() {
            Map<String, List<Column>> tables = new TreeMap<>();
            jdbc.sql("""
                            SELECT c.table_name, c.column_name, c.data_type, c.column_type, c.is_nullable,
                                   c.character_maximum_length, c.numeric_precision, c.numeric_scale,
                                   c.generation_expression, c.extra
                            FROM information_schema.columns c
                            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                            WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                              AND c.table_name <> 'flyway_schema_history'
                            ORDER BY c.table_name, c.ordinal_position""")
                    .query((ResultSet rs) -> {
                        String extra = rs.getString("extra");
                        boolean generated = rs.getString("generation_expression") != null
                                || (extra != null && (extra.contains("GENERATED") || extra.contains("PERSISTENT")
                                || extra.contains("VIRTUAL")));
                        tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(rs.getString(2),
                                rs.getString(3).toLowerCase(), rs.getString(4).toLowerCase(),
                                "YES".equals(rs.getString(5)), (Long) rs.getObject(6, Long.class),
                                (Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class),
                                generated));
                    });
            Map<String, Map<String, Reference>> references = new HashMap<>();
            jdbc.sql("""
                            SELECT table_name, column_name, referenced_table_name, referenced_column_name
                            FROM information_schema.key_column_usage
                            WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL""")
                    .query((ResultSet rs) -> {
                        references.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                                .put(rs.getString(2), new Reference(rs.getString(3), rs.getString(4)));
                    });
            Set<String> done = new LinkedHashSet<>();
            int number = 0;
            while (done.size() < tables.size()) {
                boolean progressed = false;
                for (var table : tables.entrySet()) {
                    Map<String, Reference> refs = references.getOrDefault(table.getKey(), Map.of());
                    boolean parentsReady = refs.values().stream()
                            .allMatch(r -> r.table().equals(table.getKey()) || done.contains(r.table()));
                    if (done.contains(table.getKey()) || !parentsReady) {
                        continue;
                    }
                    fill(table.getKey(), table.getValue(), refs, ++number);
                    done.add(table.getKey());
                    progressed = true;
                }
                assertThat(progressed).as("tables whose foreign keys form a cycle").isTrue();
            }
        }

        private void fill(String table, List<Column> columns, Map<String, Reference> refs, int number) {
            if (count(jdbc, table) > 0) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column column : columns) {
                if (column.generated()) {
                    continue;
                }
                Reference ref = refs.get(column.name());
                if (ref != null && ref.table().equals(table)) {
                    row.put(column.name(), null);
                } else if (ref != null) {
                    row.put(column.name(), jdbc.sql("SELECT `" + ref.column() + "` FROM `" + ref.table() + "` LIMIT 1")
                            .query((rs, n) -> rs.getObject(1)).single());
                } else {
                    row.put(column.name(), values.getOrDefault(table + "." + column.name(), value(table, column, number)));
                }
            }
            String sql = "INSERT INTO `" + table + "` (" + String.join(", ", row.keySet().stream()
                    .map(c -> "`" + c + "`").toList()) + ") VALUES ("
                    + String.join(", ", row.keySet().stream().map(c -> ":" + c).toList()) + ")";
            JdbcClient.StatementSpec insert = jdbc.sql(sql);
            for (var entry : row.entrySet()) {
                insert = insert.param(entry.getKey(), entry.getValue());
            }
            insert.update();
        }

        /** A value that fits the column, different per table and column, so swapped or shifted data shows. */
        private static Object value(String table, Column column, int number) {
            int salt = Math.abs((table + "." + column.name()).hashCode() % 1000);
            return switch (column.dataType()) {
                case "tinyint" -> column.columnType().startsWith("tinyint(1)") ? 1 : 7;
                case "smallint", "mediumint", "int", "integer", "bigint" -> number * 1000L + salt;
                // Small enough for DECIMAL(7, 4), with cents, so a rounding migration would show.
                case "decimal" -> java.math.BigDecimal.valueOf(salt + 101L, 2)
                        .setScale(Math.max(2, column.scale() == null ? 0 : column.scale()));
                case "datetime", "timestamp" -> java.time.LocalDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_000)
                        .plusMinutes(salt);
                case "date" -> java.time.LocalDate.of(2026, 3, 4).plusDays(salt);
                case "time" -> java.time.LocalTime.of(5, 6, 7);
                case "char", "varchar" -> text(table, column, number);
                case "text", "tinytext", "mediumtext", "longtext", "json" ->
                        "{\"id\":\"" + table + "_" + number + "\",\"object\":\"" + table + "\",\"note\":\""
                                + column.name() + " – ü € ł\"}";
                case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                        (column.name() + "-" + number).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case "bit" -> 1;
                default -> throw new IllegalStateException("No sample value for " + table + "." + column.name()
                        + " of type " + column.columnType() + ": teach UpgradeIT this type");
            };
        }

        private static String text(String table, Column column, int number) {
            int length = column.length() == null ? 16 : column.length().intValue();
            if (length == 3) {
                return "EUR";
            }
            String value = column.name() + "-" + table + "-" + number + "-ü";
            return value.length() <= length ? value : value.substring(0, length);
        }
    }
}
