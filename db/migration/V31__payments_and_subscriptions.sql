-- Money that moved through Stripe, as the product records it. A payment is unique by what makes it one
-- at Stripe (source_key: the payment intent of a one-off checkout, the invoice of a subscription period),
-- per account, so every event about it lands on the same row however often and in whatever order it comes.
-- gross/fee/net come from Stripe's balance transaction, in the currency the account settles in.
CREATE TABLE payment (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                 BIGINT         NOT NULL DEFAULT 0,
    account_id              VARCHAR(255)   NOT NULL,
    source_key              VARCHAR(255)   NOT NULL,
    quote                   BIGINT         NULL,
    quote_version           INT            NULL,
    deal                    BIGINT         NULL,
    contact                 BIGINT         NULL,
    company                 BIGINT         NULL,
    subscription            BIGINT         NULL,
    stripe_subscription_id  VARCHAR(255)   NULL,
    checkout_session_id     VARCHAR(255)   NULL,
    payment_intent_id       VARCHAR(255)   NULL,
    invoice_id              VARCHAR(255)   NULL,
    charge_id               VARCHAR(255)   NULL,
    balance_transaction_id  VARCHAR(255)   NULL,
    method                  VARCHAR(40)    NULL,
    status                  VARCHAR(20)    NOT NULL,
    amount                  DECIMAL(19, 4) NOT NULL,
    currency                CHAR(3)        NOT NULL,
    gross                   DECIMAL(19, 4) NULL,
    fee                     DECIMAL(19, 4) NULL,
    net                     DECIMAL(19, 4) NULL,
    settlement_currency     CHAR(3)        NULL,
    exchange_rate           DECIMAL(24, 12) NULL,
    refunded                DECIMAL(19, 4) NOT NULL DEFAULT 0,
    dispute_id              VARCHAR(255)   NULL,
    receipt_url             VARCHAR(2000)  NULL,
    failure_reason          VARCHAR(500)   NULL,
    paid_at                 DATETIME(6)    NULL,
    created_at              DATETIME(6)    NOT NULL,
    updated_at              DATETIME(6)    NOT NULL,
    CONSTRAINT uk_payment_source UNIQUE (account_id, source_key),
    INDEX ix_payment_quote (quote, id),
    INDEX ix_payment_deal (deal, id),
    INDEX ix_payment_charge (charge_id),
    INDEX ix_payment_subscription (subscription, id),
    INDEX ix_payment_status (status, paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refunds of a payment, one row per Stripe refund.
CREATE TABLE payment_refund (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment       BIGINT         NOT NULL,
    refund_id     VARCHAR(255)   NOT NULL,
    amount        DECIMAL(19, 4) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    CONSTRAINT uk_payment_refund UNIQUE (refund_id),
    CONSTRAINT fk_payment_refund_payment FOREIGN KEY (payment) REFERENCES payment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A recurring subscription sold through a quote (or later a payment link), mirrored from Stripe.
CREATE TABLE subscription (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                  BIGINT         NOT NULL DEFAULT 0,
    account_id               VARCHAR(255)   NOT NULL,
    stripe_subscription_id   VARCHAR(255)   NOT NULL,
    stripe_customer_id       VARCHAR(255)   NULL,
    quote                    BIGINT         NULL,
    quote_version            INT            NULL,
    deal                     BIGINT         NULL,
    contact                  BIGINT         NULL,
    company                  BIGINT         NULL,
    status                   VARCHAR(20)    NOT NULL,
    currency                 CHAR(3)        NOT NULL,
    period_amount            DECIMAL(19, 4) NOT NULL,
    billing_interval         VARCHAR(5)     NOT NULL,
    billing_interval_count   INT            NOT NULL,
    current_period_start     DATETIME(6)    NULL,
    current_period_end       DATETIME(6)    NULL,
    cancel_at_period_end     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at               DATETIME(6)    NOT NULL,
    updated_at               DATETIME(6)    NOT NULL,
    CONSTRAINT uk_subscription_stripe UNIQUE (account_id, stripe_subscription_id),
    INDEX ix_subscription_quote (quote),
    INDEX ix_subscription_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE subscription_item (
    subscription            BIGINT         NOT NULL,
    line_no                 INT            NOT NULL,
    stripe_item_id          VARCHAR(255)   NOT NULL,
    description             VARCHAR(500)   NULL,
    quantity                DECIMAL(19, 4) NOT NULL,
    unit_amount             DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (subscription, line_no),
    CONSTRAINT fk_subscription_item FOREIGN KEY (subscription) REFERENCES subscription (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
