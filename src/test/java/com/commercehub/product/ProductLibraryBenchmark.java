package com.commercehub.product;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Not a test: a measuring harness, run with {@code ./mvnw -Pbench verify}. Seeds 100,000 products
 * through the real CSV import (timing each 10,000-row file), then times what the library view does
 * when it opens and as a user types a search: a COUNT plus a page of 50 rows. Prints a report and
 * writes it to target/bench/product-library.md.
 */
@SpringBootTest(properties = {"hub.db.database=hub_bench"})
@ActiveProfiles("test")
@WithMockUser(username = "bench@example.com", roles = {"SALES", "ADMIN"})
class ProductLibraryBenchmark {

    private static final int PRODUCTS = 100_000;
    private static final int FILE_ROWS = 10_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 25;
    private static final String[] ADJECTIVES = {"Blue", "Red", "Green", "Compact", "Deluxe", "Premium", "Basic",
            "Smart", "Solar", "Quiet", "Rapid", "Classic", "Modern", "Rugged", "Mini", "Ultra"};
    private static final String[] NOUNS = {"Chair", "Desk", "Lamp", "Router", "Licence", "Support plan", "Cable",
            "Monitor", "Keyboard", "Headset", "Workshop", "Backup", "Sensor", "Printer", "Shelf", "Camera",
            "Speaker", "Charger", "Tablet", "Subscription"};
    private static final String[] CURRENCIES = {"EUR", "USD", "DKK", "SEK", "PLN", "GBP", "JPY"};

    @Autowired
    ProductService products;
    @Autowired
    ProductCsvService csv;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws IOException {
        ProductTestData.clear(jdbc);
        line("# Product library benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM "
                + System.getProperty("java.version") + ", embedded MariaDB; "
                + "times are server time in the service layer (SQL + mapping), median and 95th percentile of "
                + RUNS + " runs after " + WARMUP + " warm-up runs.");
        line("");
        line("## Import (CSV, all-or-nothing, 10,000 rows per file)");
        line("");
        line("| file | rows in library before | check + write |");
        line("|---|---|---|");
        Random random = new Random(42);
        for (int file = 0; file < PRODUCTS / FILE_ROWS; file++) {
            String content = csvFile(file, random);
            long start = System.nanoTime();
            ImportReport result = csv.importCsv(new StringReader(content), false, ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.applied()) {
                throw new IllegalStateException("seed file rejected: " + result.problems().subList(0, 3));
            }
            if (file == 0 || file == PRODUCTS / FILE_ROWS - 1) {
                line(String.format(Locale.ROOT, "| %d | %,d | %.2f s |", file + 1, file * FILE_ROWS, seconds));
            }
        }
        jdbc.sql("ANALYZE TABLE product").query().listOfRows();
        line("");
        line(String.format(Locale.ROOT, "## Library of %,d products: open the view and type a search", PRODUCTS));
        line("");
        line("| what | rows matching | median | p95 |");
        line("|---|---|---|---|");
        Pageable first = PageRequest.of(0, 50, Sort.by("name"));
        measure("open the view (active, by name)", filter(""), first);
        for (String typed : List.of("c", "ch", "cha", "chai", "chair")) {
            measure("type \"" + typed + "\"", filter(typed), first);
        }
        measure("rare word \"router 4242\"", filter("router 4242"), first);
        measure("no match \"zzzz\"", filter("zzzz"), first);
        measure("SKU prefix \"SKU-0420\"", filter("SKU-0420"), first);
        measure("currency filter DKK", new ProductFilter("", null, "DKK", ProductFilter.Status.ACTIVE), first);
        measure("recurring only, by price desc", new ProductFilter("", ProductFilter.BillingKind.RECURRING, null,
                ProductFilter.Status.ACTIVE), PageRequest.of(0, 50, Sort.by(Sort.Order.desc("price"))));
        measure("scroll to row 50,000 (by name)", filter(""), PageRequest.of(1000, 50, Sort.by("name")));
        measure("archived", new ProductFilter("", null, null, ProductFilter.Status.ARCHIVED), first);

        Path out = Path.of("target", "bench", "product-library.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("\n" + String.join("\n", report) + "\n\nWritten to " + out.toAbsolutePath());
    }

    private static ProductFilter filter(String search) {
        return new ProductFilter(search, null, null, ProductFilter.Status.ACTIVE);
    }

    private void measure(String what, ProductFilter filter, Pageable page) {
        Supplier<Integer> viewRefresh = () -> {
            int count = products.count(filter);
            products.page(filter, page);
            return count;
        };
        for (int i = 0; i < WARMUP; i++) {
            viewRefresh.get();
        }
        double[] millis = new double[RUNS];
        int matching = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            matching = viewRefresh.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        line(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms |", what, matching, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1]));
    }

    private static String csvFile(int file, Random random) {
        StringBuilder content = new StringBuilder("sku,name,description,price,currency,billing,interval,"
                + "interval_count,term,unit_cost,tax_rate,url,image_url,status\n");
        for (int i = 0; i < FILE_ROWS; i++) {
            int n = file * FILE_ROWS + i;
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            String price = currency.equals("JPY") ? Integer.toString(100 + random.nextInt(100_000))
                    : (1 + random.nextInt(5000)) + "." + String.format(Locale.ROOT, "%02d", random.nextInt(100));
            boolean recurring = random.nextInt(4) == 0;
            content.append("SKU-").append(String.format(Locale.ROOT, "%06d", n)).append(',')
                    .append(ADJECTIVES[random.nextInt(ADJECTIVES.length)]).append(' ')
                    .append(NOUNS[random.nextInt(NOUNS.length)]).append(' ').append(n).append(',')
                    .append("Benchmark product ").append(n).append(',')
                    .append(price).append(',').append(currency).append(',')
                    .append(recurring ? "recurring,month,1" : "one_time,,").append(",,,,,,")
                    .append(random.nextInt(20) == 0 ? "archived" : "active").append('\n');
        }
        return content.toString();
    }

    private void line(String text) {
        report.add(text);
    }
}
