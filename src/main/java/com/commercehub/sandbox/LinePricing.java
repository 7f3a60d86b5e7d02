package com.commercehub.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Stripe prices line items (a Checkout Session's, a subscription invoice's): the discount first,
 * then each line's tax rates on what is left of the line.
 * <ul>
 *   <li>The coupon applies to the lines its {@code applies_to.products} names (all lines without it).
 *       Its amount is worked out once on those lines' subtotal — {@code percent_off} of it, rounded
 *       half up, or {@code amount_off} up to it — and allocated to them in proportion to their amounts,
 *       in whole minor units; the units left after rounding down go to the largest remainders (earlier
 *       lines first). Stripe documents the proportional allocation, not its rounding rest (unconfirmed).</li>
 *   <li>Tax is per line and per rate, rounded half up: an exclusive rate adds {@code net × rate},
 *       an inclusive one is the part {@code net − net / (1 + rate)} already inside the price.</li>
 * </ul>
 * Each line map must hold {@code amount_subtotal}, {@code price} and {@code _tax_rates}; pricing
 * writes {@code amount_discount}, {@code amount_tax}, {@code amount_total}, {@code taxes} and {@code discounts}.
 */
final class LinePricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Totals(long subtotal, long discount, long tax, long total) {
    }

    private LinePricing() {
    }

    @SuppressWarnings("unchecked")
    static Totals price(List<Map<String, Object>> lines, Map<String, Object> coupon) {
        long[] discounts = discounts(lines, coupon);
        long subtotal = 0;
        long discountTotal = 0;
        long taxTotal = 0;
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            long amount = Obj.longOf(line, "amount_subtotal");
            long discount = discounts[i];
            long net = amount - discount;
            long exclusive = 0;
            long tax = 0;
            List<Object> taxes = new ArrayList<>();
            for (Object rateObject : Obj.list(line, "_tax_rates")) {
                Map<String, Object> rate = (Map<String, Object>) rateObject;
                BigDecimal percentage = new BigDecimal(rate.get("percentage").toString());
                long rateTax;
                if (Boolean.TRUE.equals(rate.get("inclusive"))) {
                    BigDecimal withoutTax = BigDecimal.valueOf(net).multiply(HUNDRED)
                            .divide(HUNDRED.add(percentage), 0, RoundingMode.HALF_UP);
                    rateTax = net - withoutTax.longValueExact();
                } else {
                    rateTax = BigDecimal.valueOf(net).multiply(percentage).movePointLeft(2)
                            .setScale(0, RoundingMode.HALF_UP).longValueExact();
                    exclusive += rateTax;
                }
                tax += rateTax;
                taxes.add(Obj.of("amount", rateTax, "rate", SandboxApiController.render(rate),
                        "taxability_reason", null, "taxable_amount", net));
            }
            line.put("amount_discount", discount);
            line.put("amount_tax", tax);
            line.put("amount_total", net + exclusive);
            line.put("taxes", taxes);
            line.put("discounts", discount > 0
                    ? List.of(Obj.of("amount", discount, "discount", Obj.of("coupon", SandboxApiController.render(coupon))))
                    : new ArrayList<>());
            subtotal += amount;
            discountTotal += discount;
            taxTotal += tax;
            total += net + exclusive;
        }
        return new Totals(subtotal, discountTotal, taxTotal, total);
    }

    /** Whether the coupon may discount this line. */
    static boolean applies(Map<String, Object> coupon, Map<String, Object> line) {
        Map<String, Object> appliesTo = Obj.map(coupon, "applies_to");
        if (appliesTo == null) {
            return true;
        }
        String product = Obj.str(Obj.map(line, "price"), "product");
        return Obj.list(appliesTo, "products").contains(product);
    }

    private static long[] discounts(List<Map<String, Object>> lines, Map<String, Object> coupon) {
        long[] shares = new long[lines.size()];
        if (coupon == null) {
            return shares;
        }
        long eligible = 0;
        for (Map<String, Object> line : lines) {
            eligible += applies(coupon, line) ? Obj.longOf(line, "amount_subtotal") : 0;
        }
        if (eligible <= 0) {
            return shares;
        }
        long off = coupon.get("percent_off") != null
                ? BigDecimal.valueOf(eligible).multiply(new BigDecimal(coupon.get("percent_off").toString()))
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact()
                : Math.min(eligible, Obj.longOf(coupon, "amount_off"));
        BigDecimal[] remainders = new BigDecimal[lines.size()];
        long assigned = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!applies(coupon, lines.get(i))) {
                remainders[i] = BigDecimal.valueOf(-1);
                continue;
            }
            BigDecimal exact = BigDecimal.valueOf(off).multiply(BigDecimal.valueOf(Obj.longOf(lines.get(i), "amount_subtotal")))
                    .divide(BigDecimal.valueOf(eligible), 12, RoundingMode.DOWN);
            shares[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(shares[i]));
            assigned += shares[i];
        }
        for (long left = off - assigned; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (remainders[i].signum() >= 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = BigDecimal.valueOf(-1);
        }
        return shares;
    }
}
