package com.commercehub.product;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a product draft acceptable, shared by the form and the CSV import. */
final class ProductRules {

    static final int NAME_MAX = 255;
    static final int SKU_MAX = 64;
    static final int TERM_MAX = 999;
    static final Pattern SKU = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/\\-]*");
    /** DECIMAL(19,4) holds 15 digits before the point. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999999");

    private ProductRules() {
    }

    /** Every problem of the draft; empty when it can be stored. SKU uniqueness is checked by the caller. */
    static List<FieldProblem> check(ProductDraft draft, Set<Long> knownTaxRates) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(FieldProblem.of("name", "product.name.required"));
        } else if (draft.name().strip().length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "field.too-long", NAME_MAX));
        }
        if (draft.sku() == null || draft.sku().isBlank()) {
            problems.add(FieldProblem.of("sku", "product.sku.required"));
        } else if (draft.sku().strip().length() > SKU_MAX) {
            problems.add(FieldProblem.of("sku", "field.too-long", SKU_MAX));
        } else if (!SKU.matcher(draft.sku().strip()).matches()) {
            problems.add(FieldProblem.of("sku", "product.sku.characters"));
        }
        if (draft.price() == null) {
            problems.add(FieldProblem.of("price", "product.price.required"));
        } else if (draft.price().isNegative()) {
            problems.add(FieldProblem.of("price", "product.price.negative"));
        } else if (!draft.price().hasCurrencyPrecision()) {
            problems.add(FieldProblem.of("price", "product.price.decimals", draft.price().currencyDecimals(),
                    draft.price().currency().getCurrencyCode()));
        } else if (draft.price().amount().compareTo(LARGEST_AMOUNT) > 0) {
            problems.add(FieldProblem.of("price", "product.amount.too-large"));
        }
        if (draft.frequency() != null && !draft.frequency().isValid()) {
            problems.add(FieldProblem.of("frequency", "product.interval.invalid",
                    draft.frequency().unit() == null ? 0 : draft.frequency().unit().maxCount()));
        }
        if (draft.termPeriods() != null && (draft.termPeriods() < 1 || draft.termPeriods() > TERM_MAX)) {
            problems.add(FieldProblem.of("termPeriods", "product.term.range", TERM_MAX));
        }
        if (draft.unitCost() != null) {
            if (draft.unitCost().signum() < 0) {
                problems.add(FieldProblem.of("unitCost", "product.cost.negative"));
            } else if (draft.unitCost().stripTrailingZeros().scale() > 4) {
                problems.add(FieldProblem.of("unitCost", "product.cost.decimals"));
            } else if (draft.unitCost().compareTo(LARGEST_AMOUNT) > 0) {
                problems.add(FieldProblem.of("unitCost", "product.amount.too-large"));
            }
        }
        if (draft.taxRateId() != null && !knownTaxRates.contains(draft.taxRateId())) {
            problems.add(FieldProblem.of("taxRate", "product.tax-rate.unknown"));
        }
        checkUrl(draft.url(), "url", problems);
        checkUrl(draft.imageUrl(), "imageUrl", problems);
        if (draft.description() != null && draft.description().length() > 10_000) {
            problems.add(FieldProblem.of("description", "field.too-long", 10_000));
        }
        return problems;
    }

    private static void checkUrl(String url, String field, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            return;
        }
        if (url.length() > 2000 || !isWebAddress(url.strip())) {
            problems.add(FieldProblem.of(field, "product.url.invalid"));
        }
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
