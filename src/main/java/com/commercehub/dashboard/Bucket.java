package com.commercehub.dashboard;

/** How revenue over time is grouped: by day, by ISO week (starting Monday) or by calendar month. */
public enum Bucket {
    DAY("day"), WEEK("DATE_SUB(day, INTERVAL WEEKDAY(day) DAY)"), MONTH("DATE_FORMAT(day, '%Y-%m-01')");

    final String sql;

    Bucket(String sql) {
        this.sql = sql;
    }

    public String messageKey() {
        return "dashboard.bucket." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
