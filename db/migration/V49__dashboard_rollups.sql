-- The dashboard's rollups, kept current in the transaction that records a payment, refund or dispute
-- (dashboard.RollupMaintenance) and rebuildable from the raw tables (RollupRebuild). Amounts per
-- currency: gross, refunds and disputes in the currency charged, fee and net in the currency Stripe
-- settled in (one row of each currency; never summed across currencies). owner '' = no deal owner.
CREATE TABLE revenue_daily (
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    source       VARCHAR(10)    NOT NULL,
    owner        VARCHAR(254)   NOT NULL,
    payments     BIGINT         NOT NULL DEFAULT 0,
    gross        DECIMAL(19, 4) NOT NULL DEFAULT 0,
    fee          DECIMAL(19, 4) NOT NULL DEFAULT 0,
    net          DECIMAL(19, 4) NOT NULL DEFAULT 0,
    refunds      BIGINT         NOT NULL DEFAULT 0,
    refunded     DECIMAL(19, 4) NOT NULL DEFAULT 0,
    disputes     BIGINT         NOT NULL DEFAULT 0,
    disputed     DECIMAL(19, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, currency, source, owner)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gross per product: a payment for a quote is shared over the quote's lines by their list value.
CREATE TABLE revenue_product_daily (
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    product      VARCHAR(255)   NOT NULL,
    gross        DECIMAL(19, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, currency, product)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- MRR movement per month: new, expansion, contraction, churn (signed amounts, monthly-normalised).
-- MRR at a month's end is the sum of all movement up to it.
CREATE TABLE mrr_movement_monthly (
    month        DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    kind         VARCHAR(11)    NOT NULL,
    amount       DECIMAL(19, 4) NOT NULL DEFAULT 0,
    subscriptions BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (month, currency, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What each record last added to the rollups, so that any later change applies only the difference.
CREATE TABLE rollup_payment_applied (
    payment      BIGINT         NOT NULL PRIMARY KEY,
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    source       VARCHAR(10)    NOT NULL,
    owner        VARCHAR(254)   NOT NULL,
    gross        DECIMAL(19, 4) NOT NULL,
    settlement_currency CHAR(3) NULL,
    fee          DECIMAL(19, 4) NOT NULL,
    net          DECIMAL(19, 4) NOT NULL,
    disputed     DECIMAL(19, 4) NOT NULL,
    dispute_day  DATE           NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rollup_product_applied (
    payment      BIGINT         NOT NULL,
    product      VARCHAR(255)   NOT NULL,
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    gross        DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (payment, product)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rollup_refund_applied (
    refund_id    VARCHAR(255)   NOT NULL PRIMARY KEY,
    payment      BIGINT         NOT NULL,
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    source       VARCHAR(10)    NOT NULL,
    owner        VARCHAR(254)   NOT NULL,
    amount       DECIMAL(19, 4) NOT NULL,
    INDEX ix_rollup_refund_payment (payment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rollup_subscription_applied (
    subscription BIGINT         NOT NULL PRIMARY KEY,
    currency     CHAR(3)        NOT NULL,
    mrr          DECIMAL(19, 4) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether a payment is in step with Stripe: synced / pending / drifted / failed, why, and when compared.
CREATE TABLE payment_sync_state (
    payment      BIGINT         NOT NULL PRIMARY KEY,
    state        VARCHAR(8)     NOT NULL,
    reason       VARCHAR(500)   NULL,
    compared_at  DATETIME(6)    NOT NULL,
    INDEX ix_payment_sync_state (state, payment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The payments grid sorts and filters by the payment's date (paid, else recorded): an indexed virtual
-- column, so that a page at any offset is a walk along one small index.
ALTER TABLE payment ADD COLUMN booked_at DATETIME(6) AS (COALESCE(paid_at, created_at)) VIRTUAL;
CREATE INDEX ix_payment_booked ON payment (booked_at, id);

-- The payment drawer's event history: the Stripe object each stored event is about, indexed.
ALTER TABLE stripe_event ADD COLUMN object_id VARCHAR(255)
    AS (JSON_VALUE(payload, '$.data.object.id')) VIRTUAL;
CREATE INDEX ix_stripe_event_object ON stripe_event (object_id);

-- One row every rollup writer locks first (RollupMaintenance, RollupRebuild): the applied-contribution tables are
-- read with locking reads, which on rows not there yet take gap locks, and two webhook workers holding gap locks
-- next to each other deadlock on their inserts. Taken in the payment's transaction after the payment row itself,
-- it makes the rollup part of concurrent payment transactions run one after another (a few ms each).
CREATE TABLE rollup_lock (
    id TINYINT PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO rollup_lock (id) VALUES (1);
