package com.commercehub.crm;

import com.commercehub.base.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/** What a line item of a deal or a quote must satisfy; each problem is keyed by its field. */
public final class LineItemRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The same limit as the library's products. */
    private static final int TERM_MAX = 999;

    private LineItemRules() {
    }

    /** @throws CrmValidationException listing every problem, when there is one */
    public static void check(LineItemDraft line, Currency currency) {
        Map<String, String> problems = new HashMap<>();
        if (line.name() == null || line.name().isBlank()) {
            problems.put("name", "crm.name.required");
        }
        if (line.quantity() == null || line.quantity().signum() <= 0) {
            problems.put("quantity", "crm.line.quantity-positive");
        }
        if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
            problems.put("unitPrice", "product.price.negative");
        } else if (!new Money(line.unitPrice(), currency).hasCurrencyPrecision()) {
            problems.put("unitPrice", "crm.line.price-decimals");
        }
        if (line.discountValue() != null && (line.discountValue().signum() < 0
                || (line.discountKind() == DiscountKind.PERCENT && line.discountValue().compareTo(HUNDRED) > 0))) {
            problems.put("discount", "crm.line.discount-range");
        }
        if (line.frequency() != null && !line.frequency().isValid()) {
            problems.put("frequency", "product.interval.invalid.short");
        }
        if (line.termPeriods() != null && (line.termPeriods() < 1 || line.termPeriods() > TERM_MAX)) {
            problems.put("term", "crm.line.term-range");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
    }
}
