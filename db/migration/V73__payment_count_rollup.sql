-- Payments counted per booking day, currency and status, for the payments grid: its count and the day a
-- far page starts on come from here (a few thousand rows) instead of walking up to a million index entries
-- (dashboard.PaymentsPageService). Kept current with the other rollups in the transaction that records a
-- payment (dashboard.RollupMaintenance); rollup_payment_counted remembers where each payment was counted, so a
-- status change moves it from one row to another.
CREATE TABLE payment_count_daily (
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    payments     BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, currency, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rollup_payment_counted (
    payment      BIGINT         NOT NULL PRIMARY KEY,
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    status       VARCHAR(20)    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO rollup_payment_counted (payment, day, currency, status)
SELECT id, DATE(booked_at), currency, status FROM payment;

INSERT INTO payment_count_daily (day, currency, status, payments)
SELECT day, currency, status, COUNT(*) FROM rollup_payment_counted GROUP BY day, currency, status;
