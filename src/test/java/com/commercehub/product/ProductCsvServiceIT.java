package com.commercehub.product;

import com.commercehub.base.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class ProductCsvServiceIT {

    @Autowired
    ProductCsvService csv;
    @Autowired
    ProductService products;
    @Autowired
    TaxRateService taxRates;
    @Autowired
    JdbcClient jdbc;

    private static final String HEADER = "sku,name,description,price,currency,billing,interval,interval_count,term,"
            + "unit_cost,tax_rate,url,image_url,status\n";

    @BeforeEach
    void emptyLibrary() {
        ProductTestData.clear(jdbc);
    }

    private ImportReport importCsv(String content, boolean update) {
        return csv.importCsv(new StringReader(content), update, ImportProgress.NONE);
    }

    private int productCount() {
        return products.count(new ProductFilter("", null, null, ProductFilter.Status.ALL));
    }

    @Test
    void a_good_file_imports_every_row() {
        taxRates.create(new TaxRateDraft("VAT 25%", new BigDecimal("25"), false, "DK", null));
        ImportReport report = importCsv(HEADER
                + "A-1,Alpha,\"First, with a comma\",10.50,EUR,one_time,,,,4.2,vat 25%,https://example.com/a,,active\n"
                + "B-1,Beta,,99,DKK,recurring,month,3,4,,,,,archived\n"
                + "C-1,Gamma,,5000,JPY,recurring,week,,,,,,,\n", false);

        assertThat(report.problems()).isEmpty();
        assertThat(report.applied()).isTrue();
        assertThat(report.toCreate()).isEqualTo(3);
        assertThat(productCount()).isEqualTo(3);
        var beta = products.page(new ProductFilter("Beta", null, null, ProductFilter.Status.ALL), PageRequest.of(0, 5))
                .getFirst();
        assertThat(beta.price()).isEqualTo(Money.of("99", "DKK"));
        assertThat(beta.frequency()).isEqualTo(BillingFrequency.QUARTERLY);
        assertThat(beta.termPeriods()).isEqualTo(4);
        assertThat(beta.archived()).isTrue();
        var alpha = products.get(products.page(new ProductFilter("A-1", null, null, ProductFilter.Status.ALL),
                PageRequest.of(0, 5)).getFirst().id());
        assertThat(alpha.description()).isEqualTo("First, with a comma");
        assertThat(alpha.taxRateId()).isNotNull();
        var gamma = products.page(new ProductFilter("Gamma", null, null, ProductFilter.Status.ALL),
                PageRequest.of(0, 5)).getFirst();
        assertThat(gamma.frequency()).isEqualTo(BillingFrequency.WEEKLY);
    }

    @Test
    void a_file_with_a_bad_row_in_the_middle_imports_nothing_and_names_every_problem() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 50; i++) {
            file.append("OK-").append(i).append(",Good ").append(i).append(",,1.00,EUR,one_time,,,,,,,,\n");
        }
        file.append("BAD-1,Bad price,,12.345,EUR,one_time,,,,,,,,\n");           // line 52
        file.append("BAD-2,,,1,XYZ,weekly,,,,,,,,\n");                              // line 53
        for (int i = 51; i <= 100; i++) {
            file.append("OK-").append(i).append(",Good ").append(i).append(",,1.00,EUR,one_time,,,,,,,,\n");
        }
        ImportReport report = importCsv(file.toString(), false);

        assertThat(report.applied()).isFalse();
        assertThat(productCount()).isZero();
        assertThat(report.problems()).extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::column,
                        ImportReport.RowProblem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(52L, "price", "product.price.decimals"),
                        org.assertj.core.groups.Tuple.tuple(53L, "currency", "import.currency.unknown"),
                        org.assertj.core.groups.Tuple.tuple(53L, "billing", "import.billing.unknown"));
    }

    @Test
    void duplicate_skus_in_the_file_and_against_the_library_are_reported() {
        products.create(ProductTestData.oneTime("Existing", "EX-1", "5.00", "EUR"));
        ImportReport report = importCsv(HEADER
                + "NEW-1,New,,1.00,EUR,,,,,,,,,\n"
                + "new-1,New again,,1.00,EUR,,,,,,,,,\n"
                + "ex-1,Existing renamed,,7.00,EUR,,,,,,,,,\n", false);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "import.sku.duplicate-in-file"),
                        org.assertj.core.groups.Tuple.tuple(4L, "import.sku.exists"));
        assertThat(report.problems().getFirst().args()).containsExactly(2L);
        assertThat(productCount()).isEqualTo(1);
    }

    @Test
    void with_update_existing_matching_skus_update_the_library() {
        ProductDetails existing = products.create(ProductTestData.oneTime("Existing", "EX-1", "5.00", "EUR"));
        ImportReport report = importCsv(HEADER
                + "ex-1,Existing renamed,,7.00,EUR,,,,,,,,,\n"
                + "NEW-2,Brand new,,3.00,EUR,,,,,,,,,\n", true);

        assertThat(report.applied()).isTrue();
        assertThat(report.toUpdate()).isEqualTo(1);
        assertThat(report.toCreate()).isEqualTo(1);
        ProductDetails updated = products.get(existing.id());
        assertThat(updated.name()).isEqualTo("Existing renamed");
        assertThat(updated.price()).isEqualTo(Money.of("7", "EUR"));
        assertThat(updated.version()).isGreaterThan(existing.version());
    }

    @Test
    void export_then_import_recreates_the_same_library() {
        taxRates.create(new TaxRateDraft("Reduced", new BigDecimal("7.5"), true, "DE", null));
        long rate = taxRates.all().getFirst().id();
        products.create(new ProductDraft("=SUM(A1) trick", "F-1", "Line one\nline two, \"quoted\"",
                Money.of("19.99", "EUR"), BillingFrequency.YEARLY, 3, new BigDecimal("8.5"), rate,
                "https://example.com/f", "https://example.com/f.png"));
        products.create(ProductTestData.oneTime("Kuwaiti item", "K-1", "1.235", "KWD"));
        ProductDetails archived = products.create(ProductTestData.recurring("Old plan", "OLD-1", "9.00", "USD",
                new BillingFrequency(IntervalUnit.WEEK, 2)));
        products.archive(archived.id(), archived.version());
        List<ProductDetails> before = allDetails();

        StringWriter exported = new StringWriter();
        csv.export(new ProductFilter("", null, null, ProductFilter.Status.ALL), exported);
        assertThat(exported.toString()).contains("'=SUM(A1) trick").startsWith("\uFEFF" + HEADER.strip());

        jdbc.sql("DELETE FROM product").update();
        ImportReport report = importCsv(exported.toString(), false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.toCreate()).isEqualTo(3);
        List<ProductDetails> after = allDetails();
        assertThat(after).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withIgnoredFields("id", "version", "createdAt", "updatedAt")
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(before);
    }

    @Test
    void exporting_respects_the_filter() {
        products.create(ProductTestData.oneTime("Euro thing", "E-1", "1.00", "EUR"));
        products.create(ProductTestData.oneTime("Dollar thing", "D-1", "1.00", "USD"));
        StringWriter exported = new StringWriter();
        csv.export(new ProductFilter("", null, "USD", ProductFilter.Status.ACTIVE), exported);
        assertThat(exported.toString().lines()).hasSize(2).last().asString().startsWith("D-1,");
        // Amounts in the currency's decimals: "1.00", not "1".
        assertThat(exported.toString()).contains(",1.00,USD,");
    }

    @Test
    void a_missing_required_column_or_unknown_column_is_reported_on_line_one() {
        ImportReport report = importCsv("sku,name,colour\nA,B,red\n", false);
        assertThat(report.problems()).extracting(ImportReport.RowProblem::messageKey)
                .containsExactlyInAnyOrder("import.column.unknown", "import.column.missing", "import.column.missing");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void an_image_or_binary_file_sent_as_csv_imports_nothing_and_says_so_on_line_one() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        byte[] noise = new byte[50_000];
        new java.util.Random(11).nextBytes(noise);
        for (byte[] file : java.util.List.of(png.toByteArray(), noise)) {
            ImportReport report = csv.importCsv(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(file),
                    java.nio.charset.StandardCharsets.UTF_8), false, ImportProgress.NONE);
            assertThat(report.applied()).isFalse();
            assertThat(report.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
            assertThat(report.problems()).extracting(ImportReport.RowProblem::messageKey).contains("import.column.missing");
        }
        assertThat(productCount()).isZero();
    }

    @Test
    void checking_changes_nothing_and_reports_progress() {
        List<Long> seen = new ArrayList<>();
        ImportReport report = csv.check(new StringReader(HEADER + "A-1,Alpha,,1,EUR,,,,,,,,,\n"), false,
                (phase, done, total) -> seen.add(done));
        assertThat(report.valid()).isTrue();
        assertThat(report.applied()).isFalse();
        assertThat(productCount()).isZero();
        assertThat(seen).containsExactly(1L);
    }

    private List<ProductDetails> allDetails() {
        List<ProductDetails> all = new ArrayList<>();
        products.forEach(new ProductFilter("", null, null, ProductFilter.Status.ALL), all::add);
        return all;
    }
}
