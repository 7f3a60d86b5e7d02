-- Locked accounting periods: the journal lines exported when the period was locked, kept as they were,
-- so its export never changes. Events that arrive later for a locked period's dates are booked in the
-- next open period (their entry_key is not among the locked lines).
CREATE TABLE journal_period_lock (
    period_from  DATE          NOT NULL PRIMARY KEY,
    period_to    DATE          NOT NULL,
    locked_at    DATETIME(6)   NOT NULL,
    locked_by    VARCHAR(254)  NOT NULL,
    CONSTRAINT uk_journal_period_lock_to UNIQUE (period_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE journal_line (
    period_from  DATE           NOT NULL,
    line_no      INT            NOT NULL,
    entry_key    VARCHAR(300)   NOT NULL,
    booked_on    DATE           NOT NULL,
    event_date   DATE           NOT NULL,
    account      VARCHAR(60)    NOT NULL,
    detail       VARCHAR(300)   NOT NULL,
    currency     CHAR(3)        NOT NULL,
    debit        DECIMAL(19, 4) NOT NULL,
    credit       DECIMAL(19, 4) NOT NULL,
    payment      BIGINT         NOT NULL,
    reference    VARCHAR(255)   NULL,
    PRIMARY KEY (period_from, line_no),
    INDEX ix_journal_line_key (entry_key),
    CONSTRAINT fk_journal_line_period FOREIGN KEY (period_from) REFERENCES journal_period_lock (period_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
