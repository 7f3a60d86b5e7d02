CREATE TABLE product (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                BIGINT         NOT NULL DEFAULT 0,
    name                   VARCHAR(255)   NOT NULL,
    sku                    VARCHAR(64)    NOT NULL,
    -- SKUs are unique regardless of case (but not of accents): compared upper-cased, byte by byte.
    sku_key                VARCHAR(64) AS (UPPER(sku)) PERSISTENT,
    description            TEXT           NULL,
    price_amount           DECIMAL(19, 4) NOT NULL,
    currency               CHAR(3)        NOT NULL,
    -- NULL interval = one-time; otherwise billed every interval_count WEEK|MONTH|YEAR.
    billing_interval       VARCHAR(5)     NULL,
    billing_interval_count INT            NULL,
    term_periods           INT            NULL,
    unit_cost_amount       DECIMAL(19, 4) NULL,
    default_tax_rate       BIGINT         NULL,
    url                    VARCHAR(2000)  NULL,
    image_url              VARCHAR(2000)  NULL,
    archived               BOOLEAN        NOT NULL DEFAULT FALSE,
    created_by             VARCHAR(254)   NOT NULL,
    created_at             DATETIME(6)    NOT NULL,
    updated_by             VARCHAR(254)   NOT NULL,
    updated_at             DATETIME(6)    NOT NULL,
    CONSTRAINT uk_product_sku UNIQUE (sku_key),
    CONSTRAINT fk_product_tax_rate FOREIGN KEY (default_tax_rate) REFERENCES tax_rate (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The library lists active (or archived) products by name, with optional filters, a page at a time.
CREATE INDEX ix_product_archived_name ON product (archived, name);
CREATE INDEX ix_product_archived_sku ON product (archived, sku);
CREATE INDEX ix_product_archived_updated ON product (archived, updated_at);
CREATE INDEX ix_product_currency ON product (currency, archived, name);
