package com.commercehub.quote;

import com.commercehub.base.money.Money;
import com.commercehub.product.BillingFrequency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a quote. Pure and exact: BigDecimal throughout, rounding HALF_UP to the currency's decimals
 * at the documented steps only. The order is discounts → fees → taxes:
 * <ol>
 *   <li>line gross = quantity × unit price; the line discount (percent of gross, or an amount capped
 *       at gross) is taken off and the line net rounded;</li>
 *   <li>the quote discount (percent of the subtotal, or an amount capped at it) is spread over the
 *       lines in proportion to their nets, in whole minor units that add up exactly (largest
 *       remainder, earlier lines first on ties), so each line's tax sees its discounted amount;</li>
 *   <li>fees (percent of the discounted subtotal, or amounts) are rounded each, charged once with the
 *       first payment, and not taxed;</li>
 *   <li>each line's tax is rounded on its discounted net: added on top when exclusive, or the part of
 *       the price it already contains when inclusive.</li>
 * </ol>
 */
public final class QuoteCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuoteCalculator() {
    }

    public static QuoteTotals calculate(Currency currency, List<QuoteLineInput> lines, Adjustment quoteDiscount,
                                        List<Adjustment> fees) {
        return calculate(currency, lines, quoteDiscount == null ? List.of() : List.of(quoteDiscount), fees);
    }

    /**
     * With several quote discounts, each is taken of the same subtotal (a percentage never compounds
     * on another discount), and together they never exceed it.
     */
    public static QuoteTotals calculate(Currency currency, List<QuoteLineInput> lines, List<Adjustment> quoteDiscounts,
                                        List<Adjustment> fees) {
        return calculate(currency, lines, quoteDiscounts, List.of(), fees);
    }

    /**
     * As {@link #calculate(Currency, List, List, List)}, with discounts that apply to the first payment
     * only: they come off the first payment like the others, but each recurring frequency's amount (what
     * every later payment charges) is priced with the every-payment discounts alone.
     */
    public static QuoteTotals calculate(Currency currency, List<QuoteLineInput> lines, List<Adjustment> quoteDiscounts,
                                        List<Adjustment> firstPaymentOnlyDiscounts, List<Adjustment> fees) {
        int scale = Money.decimalsOf(currency);
        int count = lines.size();
        BigDecimal[] gross = new BigDecimal[count];
        BigDecimal[] lineDiscount = new BigDecimal[count];
        BigDecimal[] net = new BigDecimal[count];
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < count; i++) {
            QuoteLineInput line = lines.get(i);
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is in " + line.unitPrice().currency()
                        + ", the quote in " + currency);
            }
            gross[i] = line.quantity().multiply(line.unitPrice().amount());
            BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : discountOf(line.discount(), gross[i]);
            net[i] = gross[i].subtract(discount).setScale(scale, RoundingMode.HALF_UP);
            lineDiscount[i] = gross[i].subtract(net[i]);
            subtotal = subtotal.add(net[i]);
        }

        BigDecimal renewalDiscountTotal = discountTotal(quoteDiscounts, subtotal, scale);
        BigDecimal quoteDiscountTotal = discountTotal(
                java.util.stream.Stream.concat(quoteDiscounts.stream(), firstPaymentOnlyDiscounts.stream()).toList(),
                subtotal, scale);
        BigDecimal[] shares = spread(quoteDiscountTotal, net, subtotal, scale);
        BigDecimal[] renewalShares = firstPaymentOnlyDiscounts.isEmpty() ? shares
                : spread(renewalDiscountTotal, net, subtotal, scale);

        BigDecimal discountedSubtotal = subtotal.subtract(quoteDiscountTotal);
        BigDecimal feeTotal = BigDecimal.ZERO.setScale(scale);
        for (Adjustment fee : fees) {
            BigDecimal amount = fee.kind() == Adjustment.Kind.PERCENT
                    ? discountedSubtotal.multiply(fee.value()).divide(HUNDRED)
                    : fee.value();
            feeTotal = feeTotal.add(amount.setScale(scale, RoundingMode.HALF_UP));
        }

        List<QuoteLineResult> results = new ArrayList<>(count);
        BigDecimal taxAdded = BigDecimal.ZERO.setScale(scale);
        BigDecimal taxIncluded = BigDecimal.ZERO.setScale(scale);
        BigDecimal oneTime = feeTotal;
        BigDecimal firstPeriods = BigDecimal.ZERO.setScale(scale);
        Map<BillingFrequency, BigDecimal> recurring = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            QuoteLineInput line = lines.get(i);
            BigDecimal discountedNet = net[i].subtract(shares[i]);
            boolean inclusive = line.tax() != null && line.tax().inclusive();
            BigDecimal tax = taxOf(line, discountedNet, scale);
            BigDecimal total = inclusive ? discountedNet : discountedNet.add(tax);
            if (inclusive) {
                taxIncluded = taxIncluded.add(tax);
            } else {
                taxAdded = taxAdded.add(tax);
            }
            if (line.recurring()) {
                firstPeriods = firstPeriods.add(total);
                BigDecimal renewalNet = net[i].subtract(renewalShares[i]);
                BigDecimal renewal = inclusive ? renewalNet : renewalNet.add(taxOf(line, renewalNet, scale));
                recurring.merge(line.frequency(), renewal, BigDecimal::add);
            } else {
                oneTime = oneTime.add(total);
            }
            results.add(new QuoteLineResult(money(gross[i], currency), money(lineDiscount[i], currency),
                    money(net[i], currency), money(shares[i], currency), money(discountedNet, currency),
                    money(tax, currency), inclusive, money(total, currency), line.frequency()));
        }

        BigDecimal firstPayment = oneTime.add(firstPeriods);
        Map<BillingFrequency, Money> recurringTotals = new LinkedHashMap<>();
        recurring.forEach((frequency, amount) -> recurringTotals.put(frequency, money(amount, currency)));
        return new QuoteTotals(List.copyOf(results), money(subtotal, currency), money(quoteDiscountTotal, currency),
                money(feeTotal, currency), money(taxAdded, currency), money(taxIncluded, currency),
                money(oneTime, currency), recurringTotals, money(firstPayment, currency));
    }

    /** The discounts' sum, each rounded, never more than the subtotal. */
    private static BigDecimal discountTotal(List<Adjustment> discounts, BigDecimal subtotal, int scale) {
        BigDecimal total = BigDecimal.ZERO.setScale(scale);
        for (Adjustment discount : discounts) {
            total = total.add(discountOf(discount, subtotal).setScale(scale, RoundingMode.HALF_UP));
        }
        return total.min(subtotal.max(BigDecimal.ZERO));
    }

    /** A line's tax on {@code discountedNet}: added on top when exclusive, the contained part when inclusive. */
    private static BigDecimal taxOf(QuoteLineInput line, BigDecimal discountedNet, int scale) {
        if (line.tax() == null || line.tax().percentage().signum() <= 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal rate = line.tax().percentage();
        return line.tax().inclusive()
                // the price already holds the tax: price − price / (1 + rate)
                ? discountedNet.subtract(discountedNet.multiply(HUNDRED)
                .divide(HUNDRED.add(rate), scale + 10, RoundingMode.HALF_UP)).setScale(scale, RoundingMode.HALF_UP)
                : discountedNet.multiply(rate).divide(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A discount of {@code base}: percent of it, or a fixed amount that never exceeds it. */
    private static BigDecimal discountOf(Adjustment discount, BigDecimal base) {
        BigDecimal amount = discount.kind() == Adjustment.Kind.PERCENT
                ? base.multiply(discount.value()).divide(HUNDRED)
                : discount.value();
        return amount.min(base.max(BigDecimal.ZERO));
    }

    /**
     * Splits {@code total} over the lines in proportion to {@code weights}, in whole minor units that
     * add up to {@code total} exactly: each line gets its floor, and the remaining units go to the
     * largest remainders (earlier lines first on ties).
     */
    static BigDecimal[] spread(BigDecimal total, BigDecimal[] weights, BigDecimal weightSum, int scale) {
        int count = weights.length;
        BigDecimal[] shares = new BigDecimal[count];
        if (total.signum() == 0 || weightSum.signum() == 0) {
            for (int i = 0; i < count; i++) {
                shares[i] = BigDecimal.ZERO.setScale(scale);
            }
            return shares;
        }
        long totalUnits = total.movePointRight(scale).longValueExact();
        long assigned = 0;
        BigDecimal[] remainders = new BigDecimal[count];
        long[] units = new long[count];
        for (int i = 0; i < count; i++) {
            BigDecimal exact = total.movePointRight(scale).multiply(weights[i])
                    .divide(weightSum, 12, RoundingMode.DOWN);
            units[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(units[i]));
            assigned += units[i];
        }
        // Fewer units are left than there are lines: one sort hands them out.
        int left = (int) (totalUnits - assigned);
        Integer[] byRemainder = new Integer[count];
        for (int i = 0; i < count; i++) {
            byRemainder[i] = i;
        }
        java.util.Arrays.sort(byRemainder, (a, b) -> {
            int order = remainders[b].compareTo(remainders[a]);
            return order != 0 ? order : Integer.compare(a, b);
        });
        for (int i = 0; i < left; i++) {
            units[byRemainder[i]]++;
        }
        for (int i = 0; i < count; i++) {
            shares[i] = BigDecimal.valueOf(units[i]).movePointLeft(scale).setScale(scale);
        }
        return shares;
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }
}
