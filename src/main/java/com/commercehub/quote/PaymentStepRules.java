package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;
import com.commercehub.stripe.ChargeLimits;
import com.commercehub.stripe.StripeAmounts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * What a quote must satisfy before buyers can pay it through Stripe Checkout, each problem with the
 * translation key that says how to fix it. A quote with any violation cannot be published with
 * payment on; warnings inform but do not block.
 */
public final class PaymentStepRules {

    /** Checkout's limits on line items per session. */
    static final int PAYMENT_MODE_MAX_LINES = 100;
    static final int SUBSCRIPTION_MODE_MAX_EACH = 20;

    private PaymentStepRules() {
    }

    /** One line as the rules see it. */
    public record Line(String name, Money net, BillingFrequency frequency, Integer termPeriods) {
    }

    /** A problem: a translation key and its arguments. */
    public record Finding(String messageKey, List<Object> args) {
        static Finding of(String key, Object... args) {
            return new Finding(key, List.of(args));
        }
    }

    public record Result(List<Finding> violations, List<Finding> warnings) {
        public boolean allowed() {
            return violations.isEmpty();
        }
    }

    /** As {@link #check(Currency, List, List, Money, Set)} for a quote whose discounts are all percentages. */
    public static Result check(Currency currency, List<Line> lines, int quoteDiscounts, Money dueAtCheckout,
                               Set<Currency> chargeableCurrencies) {
        return check(currency, lines, Collections.nCopies(quoteDiscounts, Adjustment.Kind.PERCENT), dueAtCheckout,
                chargeableCurrencies);
    }

    /**
     * @param chargeableCurrencies what the connected account can charge (from Stripe's country specs)
     * @param quoteDiscounts       the kind of each quote-level discount (Checkout takes one coupon)
     * @param dueAtCheckout        the first payment
     */
    public static Result check(Currency currency, List<Line> lines, List<Adjustment.Kind> quoteDiscounts,
                               Money dueAtCheckout, Set<Currency> chargeableCurrencies) {
        return check(currency, lines, quoteDiscounts, false, dueAtCheckout, chargeableCurrencies);
    }

    /**
     * @param firstPaymentOnly the quote discount comes off the first payment only (a coupon used once), so
     *                         an amount off never reaches the renewals
     */
    public static Result check(Currency currency, List<Line> lines, List<Adjustment.Kind> quoteDiscounts,
                               boolean firstPaymentOnly, Money dueAtCheckout, Set<Currency> chargeableCurrencies) {
        List<Finding> violations = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (!chargeableCurrencies.contains(currency)) {
            violations.add(Finding.of("quote.payment.currency", currency.getCurrencyCode()));
        }
        if (lines.isEmpty()) {
            violations.add(Finding.of("quote.payment.no-lines"));
        }
        int recurring = 0;
        for (Line line : lines) {
            if (!line.net().isPositive()) {
                violations.add(Finding.of("quote.payment.line-not-positive", line.name()));
            }
            if (line.frequency() != null) {
                recurring++;
                if (line.termPeriods() != null) {
                    violations.add(Finding.of("quote.payment.recurring-term", line.name()));
                }
            }
        }
        violations.addAll(linesOffTheCommonFrequency(lines));
        int oneTime = lines.size() - recurring;
        if (recurring == 0 && lines.size() > PAYMENT_MODE_MAX_LINES) {
            violations.add(Finding.of("quote.payment.too-many-lines", PAYMENT_MODE_MAX_LINES));
        } else if (recurring > 0 && (recurring > SUBSCRIPTION_MODE_MAX_EACH || oneTime > SUBSCRIPTION_MODE_MAX_EACH)) {
            violations.add(Finding.of("quote.payment.too-many-subscription-lines", SUBSCRIPTION_MODE_MAX_EACH));
        }
        if (quoteDiscounts.size() > 1) {
            violations.add(Finding.of("quote.payment.one-discount"));
        }
        if (recurring > 0 && oneTime > 0 && quoteDiscounts.contains(Adjustment.Kind.AMOUNT) && !firstPaymentOnly) {
            // Stripe takes a coupon's amount off every renewal; the quote spreads it over all lines.
            violations.add(Finding.of("quote.payment.amount-discount-renewals"));
        }
        for (Line line : lines) {
            if (!StripeAmounts.isExactlyRepresentable(line.net())) {
                violations.add(Finding.of("quote.payment.precision", line.name(),
                        StripeAmounts.chargeableDecimals(currency)));
            }
        }
        if (!StripeAmounts.isExactlyRepresentable(dueAtCheckout)) {
            violations.add(Finding.of("quote.payment.total-precision", StripeAmounts.chargeableDecimals(currency)));
        }
        ChargeLimits.check(dueAtCheckout).ifPresent(limit -> violations.add(switch (limit) {
            case ChargeLimits.Violation.BelowMinimum below -> Finding.of("quote.payment.below-minimum", below.minimum());
            case ChargeLimits.Violation.AboveMaximum above -> Finding.of("quote.payment.above-maximum", above.maximum());
        }));
        if (recurring > 0) {
            warnings.add(Finding.of("quote.payment.renewals-3ds"));
        }
        return new Result(List.copyOf(violations), List.copyOf(warnings));
    }

    /**
     * One subscription bills at one frequency: each recurring line that differs from the most common
     * one (the earliest on a tie) is named with its number, so the rep knows which line to change.
     */
    private static List<Finding> linesOffTheCommonFrequency(List<Line> lines) {
        java.util.Map<BillingFrequency, Long> counts = lines.stream().map(Line::frequency)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
        if (counts.size() < 2) {
            return List.of();
        }
        BillingFrequency common = counts.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.frequency() != null && !line.frequency().equals(common)) {
                findings.add(Finding.of("builder.payment.line-frequency", i + 1, line.name(), line.frequency(), common));
            }
        }
        return findings;
    }
}
