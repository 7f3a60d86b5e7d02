package com.commercehub.product;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSV import and export of the library. An import checks every row first and changes nothing
 * unless the whole file is good; then it writes all rows in one transaction, in JDBC batches.
 */
@Service
public class ProductCsvService {

    /** Written first on export and skipped on import (files saved by spreadsheet programs carry it too). */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final int BATCH = 500;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final ProductService productService;
    private final TaxRateRepository taxRates;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ProductCsvService(ProductService productService, TaxRateRepository taxRates, DataSource dataSource, Clock clock) {
        this.productService = productService;
        this.taxRates = taxRates;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** A row that passed every check, ready to be written. */
    private record ParsedRow(long line, ProductDraft draft, boolean archived, Long existingId) {
    }

    private record Parsed(List<ParsedRow> rows, List<ImportReport.RowProblem> problems) {
    }

    /** Checks a file without changing anything: what would be created or updated, and every problem. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ImportReport check(Reader csv, boolean updateExisting, ImportProgress progress) {
        Parsed parsed = parse(csv, updateExisting, progress);
        return report(parsed, false);
    }

    /**
     * Imports a file: all rows or none. With {@code updateExisting}, rows whose SKU is already in the
     * library update that product; without it such rows are problems.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ImportReport importCsv(Reader csv, boolean updateExisting, ImportProgress progress) {
        Parsed parsed = parse(csv, updateExisting, progress);
        if (!parsed.problems().isEmpty()) {
            return report(parsed, false);
        }
        write(parsed.rows(), progress);
        return report(parsed, true);
    }

    private static ImportReport report(Parsed parsed, boolean applied) {
        int updates = (int) parsed.rows().stream().filter(row -> row.existingId() != null).count();
        int rows = parsed.rows().size() + (int) parsed.problems().stream()
                .map(ImportReport.RowProblem::line).distinct().count();
        return new ImportReport(rows, parsed.rows().size() - updates, updates, parsed.problems(), applied);
    }

    /** Writes the filtered library as CSV, streaming rows from the database. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public void export(ProductFilter filter, Writer out) {
        Map<Long, String> rateNames = new HashMap<>();
        taxRates.findAll().forEach(rate -> rateNames.put(rate.id(), rate.summary().name()));
        try {
            // A byte order mark first: spreadsheet programs then read the file as UTF-8 and show umlauts.
            out.write(BYTE_ORDER_MARK);
            CSVPrinter printer = ProductCsv.WRITE.print(out);
            productService.forEach(filter, product -> {
                try {
                    printer.printRecord(exportRow(product, rateNames));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> exportRow(ProductDetails p, Map<Long, String> rateNames) {
        BillingFrequency f = p.frequency();
        return List.of(ProductCsv.defuse(p.sku()), ProductCsv.defuse(p.name()),
                ProductCsv.defuse(nullToEmpty(p.description())),
                inCurrencyDecimals(p.price().amount(), p.price().currency()), p.price().currency().getCurrencyCode(),
                f == null ? "one_time" : "recurring", f == null ? "" : f.unit().name().toLowerCase(Locale.ROOT),
                f == null ? "" : Integer.toString(f.count()),
                p.termPeriods() == null ? "" : p.termPeriods().toString(),
                p.unitCost() == null ? "" : inCurrencyDecimals(p.unitCost(), p.price().currency()),
                p.taxRateId() == null ? "" : ProductCsv.defuse(rateNames.getOrDefault(p.taxRateId(), "")),
                nullToEmpty(p.url()), nullToEmpty(p.imageUrl()), p.archived() ? "archived" : "active");
    }

    /** "1200.00", "1500" (JPY), "1.235" (KWD): the currency's decimals, more only where the value has them. */
    private static String inCurrencyDecimals(BigDecimal amount, Currency currency) {
        return amount.setScale(Math.max(Money.decimalsOf(currency), amount.stripTrailingZeros().scale())).toPlainString();
    }

    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(csv, 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    // ---- parsing and checking -------------------------------------------------------------------

    private Parsed parse(Reader csv, boolean updateExisting, ImportProgress progress) {
        List<ImportReport.RowProblem> problems = new ArrayList<>();
        List<CSVRecord> records;
        try (CSVParser parser = ProductCsv.READ.parse(withoutByteOrderMark(csv))) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!ProductCsv.COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
                    problems.add(new ImportReport.RowProblem(1, column, "import.column.unknown", List.of(column)));
                }
            }
            for (String required : ProductCsv.REQUIRED) {
                if (header.stream().noneMatch(h -> h.equalsIgnoreCase(required))) {
                    problems.add(new ImportReport.RowProblem(1, required, "import.column.missing", List.of(required)));
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), problems);
            }
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new ImportReport.RowProblem(1, "", "import.file.unreadable", List.of()));
            return new Parsed(List.of(), problems);
        }
        if (records.isEmpty()) {
            problems.add(new ImportReport.RowProblem(1, "", "import.file.empty", List.of()));
            return new Parsed(List.of(), problems);
        }

        Map<String, Long> ratesByName = new HashMap<>();
        Set<Long> rateIds = new HashSet<>();
        taxRates.findAll().forEach(rate -> {
            ratesByName.put(rate.summary().name().toLowerCase(Locale.ROOT), rate.id());
            rateIds.add(rate.id());
        });
        Map<String, Long> existing = existingSkus(records);
        Map<String, Long> firstLineOfSku = new HashMap<>();
        List<ParsedRow> rows = new ArrayList<>(records.size());
        long total = records.size();
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            long line = record.getRecordNumber() + 1;
            List<FieldProblem> rowProblems = new ArrayList<>();
            ParsedRow row = parseRow(record, line, ratesByName, rateIds, rowProblems);
            if (row != null) {
                String key = row.draft().sku().strip().toUpperCase(Locale.ROOT);
                Long earlier = firstLineOfSku.putIfAbsent(key, line);
                Long existingId = existing.get(key);
                if (earlier != null) {
                    rowProblems.add(FieldProblem.of("sku", "import.sku.duplicate-in-file", earlier));
                } else if (existingId != null && !updateExisting) {
                    rowProblems.add(FieldProblem.of("sku", "import.sku.exists"));
                } else if (rowProblems.isEmpty()) {
                    rows.add(new ParsedRow(line, row.draft(), row.archived(), existingId));
                }
            }
            for (FieldProblem problem : rowProblems) {
                problems.add(new ImportReport.RowProblem(line, columnOf(problem.field()), problem.messageKey(),
                        problem.args()));
            }
            if (i % 1000 == 999 || i == records.size() - 1) {
                progress.update(ImportProgress.Phase.CHECKING, i + 1, total);
            }
        }
        return new Parsed(rows, problems);
    }

    private Map<String, Long> existingSkus(List<CSVRecord> records) {
        List<String> keys = records.stream().map(r -> value(r, ProductCsv.SKU)).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        Map<String, Long> existing = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            jdbc.query("SELECT id, sku_key FROM product WHERE sku_key IN (:keys)", Map.of("keys", chunk),
                    rs -> {
                        existing.put(rs.getString("sku_key"), rs.getLong("id"));
                    });
        }
        return existing;
    }

    private static String columnOf(String field) {
        return switch (field) {
            case "price" -> ProductCsv.PRICE;
            case "frequency" -> ProductCsv.INTERVAL_COUNT;
            case "termPeriods" -> ProductCsv.TERM;
            case "unitCost" -> ProductCsv.UNIT_COST;
            case "taxRate" -> ProductCsv.TAX_RATE;
            case "imageUrl" -> ProductCsv.IMAGE_URL;
            default -> field;
        };
    }

    private static String value(CSVRecord record, String column) {
        for (String header : record.getParser().getHeaderNames()) {
            if (header.equalsIgnoreCase(column)) {
                String text = record.isSet(header) ? record.get(header) : "";
                return ProductCsv.undefuse(text == null ? "" : text.strip());
            }
        }
        return "";
    }

    /** Parses one row; the draft is checked with the same rules as the form. */
    private static ParsedRow parseRow(CSVRecord record, long line, Map<String, Long> ratesByName, Set<Long> rateIds,
                                      List<FieldProblem> problems) {
        if (!record.isConsistent()) {
            problems.add(FieldProblem.of("", "import.row.columns", record.size(),
                    record.getParser().getHeaderNames().size()));
            return null;
        }
        Currency currency = null;
        String currencyCode = value(record, ProductCsv.CURRENCY).toUpperCase(Locale.ROOT);
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(ProductCsv.CURRENCY, "import.currency.unknown", currencyCode));
        }
        BigDecimal price = number(record, ProductCsv.PRICE, problems, true);
        BigDecimal unitCost = number(record, ProductCsv.UNIT_COST, problems, false);

        BillingFrequency frequency = null;
        String billing = value(record, ProductCsv.BILLING).toLowerCase(Locale.ROOT);
        if (billing.equals("recurring")) {
            IntervalUnit unit = null;
            try {
                unit = IntervalUnit.valueOf(value(record, ProductCsv.INTERVAL).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of(ProductCsv.INTERVAL, "import.interval.unknown",
                        value(record, ProductCsv.INTERVAL)));
            }
            Integer count = integer(record, ProductCsv.INTERVAL_COUNT, problems);
            if (unit != null) {
                frequency = new BillingFrequency(unit, count == null ? 1 : count);
            }
        } else if (!billing.isEmpty() && !billing.equals("one_time")) {
            problems.add(FieldProblem.of(ProductCsv.BILLING, "import.billing.unknown", billing));
        }
        Integer term = integer(record, ProductCsv.TERM, problems);

        Long taxRateId = null;
        String taxRate = value(record, ProductCsv.TAX_RATE);
        if (!taxRate.isEmpty()) {
            taxRateId = ratesByName.get(taxRate.toLowerCase(Locale.ROOT));
            if (taxRateId == null) {
                problems.add(FieldProblem.of(ProductCsv.TAX_RATE, "import.tax-rate.unknown", taxRate));
            }
        }
        String status = value(record, ProductCsv.STATUS).toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("active") && !status.equals("archived")) {
            problems.add(FieldProblem.of(ProductCsv.STATUS, "import.status.unknown", status));
        }
        if (!problems.isEmpty() || currency == null || price == null) {
            return null;
        }
        ProductDraft draft = new ProductDraft(value(record, ProductCsv.NAME), value(record, ProductCsv.SKU),
                value(record, ProductCsv.DESCRIPTION), new Money(price, currency), frequency, term, unitCost,
                taxRateId, value(record, ProductCsv.URL), value(record, ProductCsv.IMAGE_URL));
        problems.addAll(ProductRules.check(draft, rateIds));
        return new ParsedRow(line, draft, status.equals("archived"), null);
    }

    private static BigDecimal number(CSVRecord record, String column, List<FieldProblem> problems, boolean required) {
        String text = value(record, column);
        if (text.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(column, "import.number.required"));
            }
            return null;
        }
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            problems.add(FieldProblem.of(column, "import.number.format", text));
            return null;
        }
        return new BigDecimal(text);
    }

    private static Integer integer(CSVRecord record, String column, List<FieldProblem> problems) {
        String text = value(record, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(column, "import.integer.format", text));
            return null;
        }
    }

    // ---- writing ----------------------------------------------------------------------------------

    private void write(List<ParsedRow> rows, ImportProgress progress) {
        String actor = Actors.current();
        Timestamp now = Timestamp.from(clock.instant());
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        long done = 0;
        for (ParsedRow row : rows) {
            (row.existingId() == null ? inserts : updates).add(params(row, actor, now));
            if (inserts.size() == BATCH) {
                done += flushInserts(inserts);
            }
            if (updates.size() == BATCH) {
                done += flushUpdates(updates);
            }
            progress.update(ImportProgress.Phase.SAVING, done, rows.size());
        }
        done += flushInserts(inserts);
        done += flushUpdates(updates);
        progress.update(ImportProgress.Phase.SAVING, done, rows.size());
    }

    private int flushInserts(List<SqlParameterSource> batch) {
        int size = batch.size();
        if (size > 0) {
            jdbc.batchUpdate("""
                    INSERT INTO product (version, name, sku, description, price_amount, currency, billing_interval,
                        billing_interval_count, term_periods, unit_cost_amount, default_tax_rate, url, image_url,
                        archived, created_by, created_at, updated_by, updated_at)
                    VALUES (0, :name, :sku, :description, :price, :currency, :interval, :intervalCount, :term,
                        :unitCost, :taxRate, :url, :imageUrl, :archived, :actor, :now, :actor, :now)""",
                    batch.toArray(SqlParameterSource[]::new));
            batch.clear();
        }
        return size;
    }

    private int flushUpdates(List<SqlParameterSource> batch) {
        int size = batch.size();
        if (size > 0) {
            jdbc.batchUpdate("""
                    UPDATE product SET version = version + 1, name = :name, sku = :sku, description = :description,
                        price_amount = :price, currency = :currency, billing_interval = :interval,
                        billing_interval_count = :intervalCount, term_periods = :term, unit_cost_amount = :unitCost,
                        default_tax_rate = :taxRate, url = :url, image_url = :imageUrl, archived = :archived,
                        updated_by = :actor, updated_at = :now
                    WHERE id = :id""", batch.toArray(SqlParameterSource[]::new));
            batch.clear();
        }
        return size;
    }

    private static SqlParameterSource params(ParsedRow row, String actor, Timestamp now) {
        ProductDraft d = row.draft();
        return new MapSqlParameterSource()
                .addValue("id", row.existingId())
                .addValue("name", d.name().strip())
                .addValue("sku", d.sku().strip())
                .addValue("description", blankToNull(d.description()))
                .addValue("price", d.price().amount())
                .addValue("currency", d.price().currency().getCurrencyCode())
                .addValue("interval", d.recurring() ? d.frequency().unit().name() : null)
                .addValue("intervalCount", d.recurring() ? d.frequency().count() : null)
                .addValue("term", d.termPeriods())
                .addValue("unitCost", d.unitCost())
                .addValue("taxRate", d.taxRateId())
                .addValue("url", blankToNull(d.url()))
                .addValue("imageUrl", blankToNull(d.imageUrl()))
                .addValue("archived", row.archived())
                .addValue("actor", actor)
                .addValue("now", now);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
