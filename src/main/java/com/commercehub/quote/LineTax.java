package com.commercehub.quote;

import java.math.BigDecimal;

/** The tax on one line: a percentage either included in the line's price or added to it. */
public record LineTax(BigDecimal percentage, boolean inclusive) {

    public static LineTax exclusive(String percentage) {
        return new LineTax(new BigDecimal(percentage), false);
    }

    public static LineTax inclusive(String percentage) {
        return new LineTax(new BigDecimal(percentage), true);
    }
}
