-- Quote numbering and defaults, one row. Numbers are taken with UPDATE … LAST_INSERT_ID(), so two
-- sales reps creating quotes at once get consecutive numbers and a rolled-back creation gives its
-- number back.
CREATE TABLE quote_settings (
    id                  TINYINT      NOT NULL PRIMARY KEY,
    version             BIGINT       NOT NULL DEFAULT 0,
    number_prefix       VARCHAR(20)  NOT NULL,
    next_number         BIGINT       NOT NULL,
    expiry_days         INT          NOT NULL,
    default_terms       TEXT         NULL,
    CONSTRAINT ck_quote_settings_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO quote_settings (id, number_prefix, next_number, expiry_days) VALUES (1, 'Q-', 1001, 30);

-- A quote: made from a deal, edited as a draft, then published (frozen in quote_version).
CREATE TABLE quote (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    version             BIGINT        NOT NULL DEFAULT 0,
    number              VARCHAR(40)   NOT NULL,
    deal                BIGINT        NOT NULL,
    title               VARCHAR(255)  NOT NULL,
    owner               VARCHAR(254)  NOT NULL,
    currency            CHAR(3)       NOT NULL,
    contact             BIGINT        NULL,
    company             BIGINT        NULL,
    locale              VARCHAR(16)   NOT NULL,
    expires_on          DATE          NOT NULL,
    comments            TEXT          NULL,
    purchase_terms      TEXT          NULL,
    require_signature   BOOLEAN       NOT NULL DEFAULT FALSE,
    countersigner       VARCHAR(254)  NULL,
    collect_payment     BOOLEAN       NOT NULL DEFAULT FALSE,
    status              VARCHAR(12)   NOT NULL,
    published_version   INT           NOT NULL DEFAULT 0,
    published_at        DATETIME(6)   NULL,
    status_changed_at   DATETIME(6)   NOT NULL,
    first_payment       DECIMAL(19, 4) NOT NULL DEFAULT 0,
    created_by          VARCHAR(254)  NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uk_quote_number UNIQUE (number),
    CONSTRAINT fk_quote_deal FOREIGN KEY (deal) REFERENCES deal (id),
    CONSTRAINT fk_quote_contact FOREIGN KEY (contact) REFERENCES contact (id),
    CONSTRAINT fk_quote_company FOREIGN KEY (company) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_quote_deal ON quote (deal, id);
CREATE INDEX ix_quote_status_expiry ON quote (status, expires_on);
CREATE INDEX ix_quote_owner ON quote (owner, id);
CREATE INDEX ix_quote_updated ON quote (updated_at, id);

CREATE TABLE quote_line (
    quote                  BIGINT         NOT NULL,
    line_no                INT            NOT NULL,
    product                BIGINT         NULL,
    name                   VARCHAR(255)   NOT NULL,
    sku                    VARCHAR(64)    NULL,
    quantity               DECIMAL(19, 4) NOT NULL,
    unit_price             DECIMAL(19, 4) NOT NULL,
    discount_kind          VARCHAR(7)     NULL,
    discount_value         DECIMAL(19, 4) NULL,
    tax_percentage         DECIMAL(7, 4)  NULL,
    tax_inclusive          BOOLEAN        NOT NULL DEFAULT FALSE,
    billing_interval       VARCHAR(5)     NULL,
    billing_interval_count INT            NULL,
    term_periods           INT            NULL,
    PRIMARY KEY (quote, line_no),
    CONSTRAINT fk_quote_line_quote FOREIGN KEY (quote) REFERENCES quote (id) ON DELETE CASCADE,
    CONSTRAINT fk_quote_line_product FOREIGN KEY (product) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_quote_line_product ON quote_line (product);

-- Quote-level discounts and fees, in the order entered. Amounts are in the quote's currency.
CREATE TABLE quote_adjustment (
    quote       BIGINT         NOT NULL,
    line_no     INT            NOT NULL,
    type        VARCHAR(8)     NOT NULL,
    label       VARCHAR(255)   NOT NULL,
    kind        VARCHAR(7)     NOT NULL,
    value       DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (quote, line_no),
    CONSTRAINT fk_quote_adjustment_quote FOREIGN KEY (quote) REFERENCES quote (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each publication, frozen: what the buyer sees (JSON) and the buyer link. The link's token is
-- looked up by its SHA-256; staff copy it again from the AES-GCM sealed copy. A recalled or
-- superseded version's link stops working (revoked_at).
CREATE TABLE quote_version (
    quote         BIGINT        NOT NULL,
    version_no    INT           NOT NULL,
    token_hash    CHAR(64)      NOT NULL,
    token_sealed  VARCHAR(255)  NOT NULL,
    content       LONGTEXT      NOT NULL,
    published_by  VARCHAR(254)  NOT NULL,
    published_at  DATETIME(6)   NOT NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (quote, version_no),
    CONSTRAINT uk_quote_version_token UNIQUE (token_hash),
    CONSTRAINT fk_quote_version_quote FOREIGN KEY (quote) REFERENCES quote (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What happened to a quote and who did it: published, viewed, signed, paid, expired, recalled.
CREATE TABLE quote_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    quote        BIGINT        NOT NULL,
    version_no   INT           NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    actor        VARCHAR(254)  NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_quote_event_quote FOREIGN KEY (quote) REFERENCES quote (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_quote_event_quote ON quote_event (quote, id);
