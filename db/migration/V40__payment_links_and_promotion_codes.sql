-- Payment links: our own buyer pages (/pay/<token>, the token kept as SHA-256 and sealed, never in clear)
-- that sell library products without a quote. Each visit makes a Checkout Session; the items are copied
-- from the library when the link is made, so a later price change does not alter what a published link sells.
CREATE TABLE payment_link (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                BIGINT         NOT NULL DEFAULT 0,
    name                   VARCHAR(200)   NOT NULL,
    token_hash             CHAR(64)       NOT NULL,
    token_sealed           VARCHAR(255)   NOT NULL,
    currency               CHAR(3)        NOT NULL,
    language               VARCHAR(10)    NULL,
    allow_promotion_codes  BOOLEAN        NOT NULL,
    discount_percent       DECIMAL(5, 2)  NULL,
    billing_address        VARCHAR(10)    NOT NULL,
    shipping_countries     VARCHAR(1000)  NULL,
    phone_number           BOOLEAN        NOT NULL,
    expires_at             DATETIME(6)    NULL,
    one_time               BOOLEAN        NOT NULL,
    thank_you_message      VARCHAR(1200)  NULL,
    redirect_url           VARCHAR(2000)  NULL,
    deal_stage             VARCHAR(20)    NULL,
    active                 BOOLEAN        NOT NULL,
    completed_at           DATETIME(6)    NULL,
    visits                 INT            NOT NULL DEFAULT 0,
    open_session_id        VARCHAR(255)   NULL,
    account_id             VARCHAR(255)   NULL,
    coupon_id              VARCHAR(255)   NULL,
    created_by             VARCHAR(255)   NOT NULL,
    created_at             DATETIME(6)    NOT NULL,
    updated_at             DATETIME(6)    NOT NULL,
    CONSTRAINT uk_payment_link_token UNIQUE (token_hash),
    INDEX ix_payment_link_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment_link_item (
    payment_link           BIGINT         NOT NULL,
    line_no                INT            NOT NULL,
    product                BIGINT         NOT NULL,
    name                   VARCHAR(255)   NOT NULL,
    unit_amount            DECIMAL(19, 4) NOT NULL,
    billing_interval       VARCHAR(10)    NULL,
    billing_interval_count INT            NULL,
    quantity               INT            NOT NULL,
    min_quantity           INT            NULL,
    max_quantity           INT            NULL,
    PRIMARY KEY (payment_link, line_no),
    -- product: where the copy came from, no foreign key — the item stands on its own once copied.
    CONSTRAINT fk_payment_link_item_link FOREIGN KEY (payment_link) REFERENCES payment_link (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per completed Checkout Session of a link: what its purchase made (deal, contact) happens once.
CREATE TABLE payment_link_purchase (
    checkout_session_id    VARCHAR(255)   NOT NULL PRIMARY KEY,
    payment_link           BIGINT         NOT NULL,
    deal                   BIGINT         NULL,
    contact                BIGINT         NULL,
    created_at             DATETIME(6)    NOT NULL,
    INDEX ix_payment_link_purchase_link (payment_link),
    CONSTRAINT fk_payment_link_purchase_link FOREIGN KEY (payment_link) REFERENCES payment_link (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Promotion codes buyers type at Checkout; each is a coupon and a promotion code at Stripe.
CREATE TABLE promotion_code (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                BIGINT         NOT NULL DEFAULT 0,
    code                   VARCHAR(50)    NOT NULL,
    percent_off            DECIMAL(5, 2)  NULL,
    amount_off             DECIMAL(19, 4) NULL,
    currency               CHAR(3)        NULL,
    expires_at             DATETIME(6)    NULL,
    max_redemptions        INT            NULL,
    active                 BOOLEAN        NOT NULL,
    account_id             VARCHAR(255)   NOT NULL,
    stripe_coupon_id       VARCHAR(255)   NOT NULL,
    stripe_promotion_code_id VARCHAR(255) NOT NULL,
    created_by             VARCHAR(255)   NOT NULL,
    created_at             DATETIME(6)    NOT NULL,
    updated_at             DATETIME(6)    NOT NULL,
    INDEX ix_promotion_code_code (code),
    CONSTRAINT uk_promotion_code_stripe UNIQUE (account_id, stripe_promotion_code_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which link a payment or subscription was sold through (null for quotes).
ALTER TABLE payment ADD COLUMN payment_link BIGINT NULL,
    ADD INDEX ix_payment_payment_link (payment_link, id);
ALTER TABLE subscription ADD COLUMN payment_link BIGINT NULL,
    ADD INDEX ix_subscription_payment_link (payment_link);
