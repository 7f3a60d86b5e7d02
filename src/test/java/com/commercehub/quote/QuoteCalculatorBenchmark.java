package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: a measuring harness (run with {@code ./mvnw -Pbench verify}) for pricing a quote of
 * 500 lines with line discounts, a quote discount, fees and taxes. Writes target/bench/quote-calculator.md.
 */
class QuoteCalculatorBenchmark {

    private static final int WARMUP = 3_000;
    private static final int RUNS = 3_000;

    @Test
    void measure() throws IOException {
        Currency eur = Currency.getInstance("EUR");
        List<QuoteLineInput> lines = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            lines.add(new QuoteLineInput(BigDecimal.valueOf(i % 9 + 1), Money.of(i + ".49", "EUR"),
                    i % 2 == 0 ? Adjustment.percent("7.5") : Adjustment.amount("1.00"),
                    i % 4 == 0 ? LineTax.inclusive("19") : LineTax.exclusive("25"),
                    i % 3 == 0 ? BillingFrequency.MONTHLY : i % 5 == 0 ? BillingFrequency.YEARLY : null));
        }
        List<Adjustment> fees = List.of(Adjustment.amount("49.00"), Adjustment.percent("1.5"));
        Adjustment discount = Adjustment.percent("12.5");
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += QuoteCalculator.calculate(eur, lines, discount, fees).lines().size();
        }
        double[] micros = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += QuoteCalculator.calculate(eur, lines, discount, fees).lines().size();
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        String report = String.format(Locale.ROOT, """
                # Quote calculator benchmark

                500 lines (line discounts, 12.5 %% quote discount, two fees, inclusive and exclusive taxes,
                one-time, monthly and yearly lines), %d runs after %d warm-up runs, %d cores, JVM %s.

                | median | p95 | p99 | max |
                |---|---|---|---|
                | %.0f µs | %.0f µs | %.0f µs | %.0f µs |
                """, RUNS, WARMUP, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                micros[RUNS / 2], micros[(int) (RUNS * 0.95)], micros[(int) (RUNS * 0.99)], micros[RUNS - 1]);
        Path out = Path.of("target", "bench", "quote-calculator.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report + "(checksum " + sink + ")");
    }
}
