package com.commercehub.product;

import org.apache.commons.csv.CSVFormat;

import java.util.List;

/**
 * The library's CSV layout, used for export and import alike so an export imports back unchanged.
 * Prices use a dot as decimal separator; {@code billing} is one_time or recurring, with
 * {@code interval} week|month|year and {@code interval_count}; {@code status} is active or archived.
 */
final class ProductCsv {

    static final String SKU = "sku";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String PRICE = "price";
    static final String CURRENCY = "currency";
    static final String BILLING = "billing";
    static final String INTERVAL = "interval";
    static final String INTERVAL_COUNT = "interval_count";
    static final String TERM = "term";
    static final String UNIT_COST = "unit_cost";
    static final String TAX_RATE = "tax_rate";
    static final String URL = "url";
    static final String IMAGE_URL = "image_url";
    static final String STATUS = "status";

    static final List<String> COLUMNS = List.of(SKU, NAME, DESCRIPTION, PRICE, CURRENCY, BILLING, INTERVAL,
            INTERVAL_COUNT, TERM, UNIT_COST, TAX_RATE, URL, IMAGE_URL, STATUS);
    static final List<String> REQUIRED = List.of(SKU, NAME, PRICE, CURRENCY);

    static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
    static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** Spreadsheets run cells starting with these as formulas; exports defuse them with a leading '. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ProductCsv() {
    }

    static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String undefuse(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }
}
