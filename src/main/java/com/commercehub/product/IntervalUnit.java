package com.commercehub.product;

/** The unit of a recurring billing interval, with Stripe's longest allowed interval (three years). */
public enum IntervalUnit {
    WEEK(156), MONTH(36), YEAR(3);

    private final int maxCount;

    IntervalUnit(int maxCount) {
        this.maxCount = maxCount;
    }

    public int maxCount() {
        return maxCount;
    }
}
