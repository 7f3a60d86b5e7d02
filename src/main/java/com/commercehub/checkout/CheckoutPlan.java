package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteLineResult;
import com.commercehub.quote.QuoteTotals;
import com.commercehub.stripe.StripeAmounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Checkout Session for a frozen quote version must contain, in Stripe's minor units, worked
 * out without calling Stripe. The construction keeps Stripe's arithmetic equal to the quote's:
 * <ul>
 *   <li>each line is sent at its net after its own discount (the calculator rounds the line, not the
 *       unit): as net ÷ quantity per unit when that divides into a chargeable amount, otherwise as one
 *       unit of the whole net named "quantity × name" — so quantity × unit never differs from the net;</li>
 *   <li>the quote discount is one coupon, limited to the quote's lines when there are fees (a fee is
 *       never discounted): in payment mode its exact amount off, once (a percentage only where that amount
 *       has no exact Stripe form); with recurring lines a percentage stays a percentage and the coupon lasts
 *       forever, so renewals carry it as the quote shows — or once, when the discount applies to the first
 *       payment only;</li>
 *   <li>each fee is a one-time line without tax rates;</li>
 *   <li>taxes are the line's percentage as a Stripe tax rate, inclusive or exclusive as on the quote.</li>
 * </ul>
 * Stripe spreads a coupon over the lines in proportion to their amounts and taxes each line on what is
 * left, as the calculator does; {@link QuoteCheckout} still compares Stripe's total with
 * {@link #expectedTotal()} and offers no session that differs.
 */
record CheckoutPlan(boolean subscription, String currency, List<Line> lines, Coupon coupon, long expectedTotal) {

    /** A percentage tax, inclusive or added. */
    record Tax(BigDecimal percentage, boolean inclusive) {
    }

    /** One line item; {@code interval} is null for one-time lines; {@code fee} lines are never discounted. */
    record Line(String name, long unitAmount, long quantity, String interval, int intervalCount, Tax tax, boolean fee) {
        boolean recurring() {
            return interval != null;
        }
    }

    /** Exactly one of {@code amountOff} and {@code percentOff}; {@code linesOnly}: not on fee lines. */
    record Coupon(String name, Long amountOff, BigDecimal percentOff, boolean forever, boolean linesOnly) {
    }

    /** An amount of the quote that Stripe cannot charge exactly (a fraction of its smallest unit). */
    static final class NotRepresentable extends RuntimeException {
        NotRepresentable(Money amount) {
            super(amount + " cannot be charged exactly through Stripe");
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long MAX_QUANTITY = 999_999;
    /** Stripe's limit on a coupon's name. */
    private static final int COUPON_NAME_MAX = 40;

    /** @throws NotRepresentable when an amount of the quote has no exact Stripe equivalent */
    static CheckoutPlan of(QuoteContent content, Locale locale) {
        QuoteTotals totals = content.totals();
        String currency = StripeAmounts.currencyParam(content.currency());
        boolean subscription = content.lines().stream().anyMatch(line -> line.frequency() != null);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < content.lines().size(); i++) {
            lines.add(line(content.lines().get(i), totals.lines().get(i), locale));
        }
        for (Fee fee : fees(content, totals)) {
            if (fee.amount().isPositive()) {
                lines.add(new Line(fee.label(), minor(fee.amount()), 1, null, 0, null, true));
            }
        }
        boolean fees = lines.stream().anyMatch(Line::fee);
        Coupon coupon = coupon(content, totals, subscription, fees);
        return new CheckoutPlan(subscription, currency, List.copyOf(lines), coupon, minor(totals.firstPayment()));
    }

    private static Line line(LineItemDraft draft, QuoteLineResult result, Locale locale) {
        long net = minor(result.net());
        String interval = draft.frequency() == null ? null : draft.frequency().unit().name().toLowerCase(Locale.ROOT);
        int count = draft.frequency() == null ? 0 : draft.frequency().count();
        Tax tax = draft.taxPercentage() == null || draft.taxPercentage().signum() <= 0 ? null
                : new Tax(new BigDecimal(draft.taxPercentage().stripTrailingZeros().toPlainString()), draft.taxInclusive());
        BigDecimal quantity = draft.quantity().stripTrailingZeros();
        if (quantity.scale() <= 0 && quantity.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) <= 0) {
            long units = quantity.longValueExact();
            if (net % units == 0 && StripeAmounts.isExactlyRepresentable(
                    StripeAmounts.fromMinorUnits(net / units, result.net().currency()))) {
                return new Line(draft.name(), net / units, units, interval, count, tax, false);
            }
        }
        // A fractional quantity, or a discounted net that does not split into equal units.
        String shown = NumberFormat.getNumberInstance(locale).format(quantity) + " × " + draft.name();
        return new Line(shown, net, 1, interval, count, tax, false);
    }

    private record Fee(String label, Money amount) {
    }

    /** Each fee as the calculator rounds it: a percentage of the discounted subtotal, or its amount. */
    private static List<Fee> fees(QuoteContent content, QuoteTotals totals) {
        Money base = totals.subtotal().minus(totals.quoteDiscount());
        int scale = Money.decimalsOf(content.currency());
        List<Fee> fees = new ArrayList<>();
        Money sum = new Money(BigDecimal.ZERO.setScale(scale), content.currency());
        for (AdjustmentDraft adjustment : content.adjustments()) {
            if (adjustment.type() != AdjustmentDraft.Type.FEE) {
                continue;
            }
            Adjustment fee = adjustment.adjustment();
            BigDecimal amount = fee.kind() == Adjustment.Kind.PERCENT
                    ? base.amount().multiply(fee.value()).divide(HUNDRED) : fee.value();
            Money money = new Money(amount.setScale(scale, RoundingMode.HALF_UP), content.currency());
            fees.add(new Fee(adjustment.label(), money));
            sum = sum.plus(money);
        }
        if (sum.compareTo(totals.fees()) != 0) {
            // Never charge fees other than the quote's: one line with their total instead.
            String labels = String.join(", ", fees.stream().map(Fee::label).toList());
            return List.of(new Fee(labels, totals.fees()));
        }
        return fees;
    }

    private static Coupon coupon(QuoteContent content, QuoteTotals totals, boolean subscription, boolean fees) {
        if (!totals.quoteDiscount().isPositive()) {
            return null;
        }
        List<AdjustmentDraft> discounts = content.adjustments().stream()
                .filter(a -> a.type() == AdjustmentDraft.Type.DISCOUNT).toList();
        String name = discounts.stream().map(AdjustmentDraft::label).reduce((a, b) -> a + ", " + b).orElse("Discount");
        name = name.length() > COUPON_NAME_MAX ? name.substring(0, COUPON_NAME_MAX - 1) + "…" : name;
        // A discount on the first payment only is a coupon used once; renewals then charge the full price.
        boolean forever = subscription && discounts.stream().noneMatch(AdjustmentDraft::firstPaymentOnly);
        Optional<Adjustment> single = discounts.size() == 1 ? Optional.of(discounts.getFirst().adjustment()) : Optional.empty();
        boolean percent = single.isPresent() && single.get().kind() == Adjustment.Kind.PERCENT;
        // A percentage of a three-decimal currency may come to an amount Stripe cannot send as amount_off.
        if (percent && (subscription || !StripeAmounts.isExactlyRepresentable(totals.quoteDiscount()))) {
            return new Coupon(name, null, new BigDecimal(single.get().value().stripTrailingZeros().toPlainString()),
                    forever, fees);
        }
        // The exact amount the quote takes off: no rounding of a percentage is left to Stripe.
        return new Coupon(name, minor(totals.quoteDiscount()), null, forever, fees);
    }

    private static long minor(Money money) {
        if (!StripeAmounts.isExactlyRepresentable(money)) {
            throw new NotRepresentable(money);
        }
        return StripeAmounts.toMinorUnits(money);
    }

    /** The tax rates of the recurring lines, when they all share one and every line carries a rate. */
    Optional<Tax> subscriptionDefaultTax() {
        if (!subscription || lines.stream().anyMatch(line -> line.tax() == null)) {
            // A default rate would also tax the untaxed lines (and fees) of the first invoice.
            return Optional.empty();
        }
        List<Tax> recurring = lines.stream().filter(Line::recurring).map(Line::tax).distinct().toList();
        return recurring.size() == 1 ? Optional.of(recurring.getFirst()) : Optional.empty();
    }
}
