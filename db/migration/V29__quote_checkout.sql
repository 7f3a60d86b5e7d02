-- Checkout of a published quote version: one row per version, locked (SELECT … FOR UPDATE) while its
-- Stripe Checkout Session is looked at or replaced, so that a version never has two open sessions.
-- attempt numbers the sessions made for it (each with its own idempotency key); coupon_id and
-- product_ids are what was made once for the version in account_id and are reused by every attempt.
CREATE TABLE quote_checkout (
    quote            BIGINT        NOT NULL,
    version_no       INT           NOT NULL,
    account_id       VARCHAR(255)  NULL,
    attempt          INT           NOT NULL DEFAULT 0,
    session_id       VARCHAR(255)  NULL,
    coupon_id        VARCHAR(255)  NULL,
    product_ids      TEXT          NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (quote, version_no),
    CONSTRAINT uk_quote_checkout_session UNIQUE (session_id),
    CONSTRAINT fk_quote_checkout_version FOREIGN KEY (quote, version_no)
        REFERENCES quote_version (quote, version_no) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every Checkout Session made for a quote version, with the amount Stripe said it would charge
-- (minor units) next to the quote's own first payment: a session whose amounts differ is never offered.
CREATE TABLE quote_checkout_session (
    session_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    quote            BIGINT        NOT NULL,
    version_no       INT           NOT NULL,
    attempt          INT           NOT NULL,
    account_id       VARCHAR(255)  NOT NULL,
    mode             VARCHAR(12)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    expected_amount  BIGINT        NOT NULL,
    stripe_amount    BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    INDEX ix_quote_checkout_session_version (quote, version_no, attempt),
    CONSTRAINT fk_quote_checkout_session_version FOREIGN KEY (quote, version_no)
        REFERENCES quote_version (quote, version_no) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
