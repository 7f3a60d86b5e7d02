CREATE TABLE company (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    version      BIGINT       NOT NULL DEFAULT 0,
    name         VARCHAR(255) NOT NULL,
    domain       VARCHAR(255) NULL,
    address      VARCHAR(1000) NULL,
    country      CHAR(2)      NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_company_name ON company (name);

CREATE TABLE contact (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    version          BIGINT       NOT NULL DEFAULT 0,
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    company          BIGINT       NULL,
    preferred_locale VARCHAR(16)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_contact_email UNIQUE (email),
    CONSTRAINT fk_contact_company FOREIGN KEY (company) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_contact_name ON contact (last_name, first_name);

CREATE TABLE deal (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    version     BIGINT       NOT NULL DEFAULT 0,
    name        VARCHAR(255) NOT NULL,
    owner       VARCHAR(254) NOT NULL,
    stage       VARCHAR(20)  NOT NULL,
    currency    CHAR(3)      NOT NULL,
    company     BIGINT       NULL,
    close_date  DATE         NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_deal_company FOREIGN KEY (company) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_deal_stage_name ON deal (stage, name);
CREATE INDEX ix_deal_name ON deal (name);

CREATE TABLE deal_contact (
    deal    BIGINT NOT NULL,
    contact BIGINT NOT NULL,
    PRIMARY KEY (deal, contact),
    CONSTRAINT fk_deal_contact_deal FOREIGN KEY (deal) REFERENCES deal (id) ON DELETE CASCADE,
    CONSTRAINT fk_deal_contact_contact FOREIGN KEY (contact) REFERENCES contact (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A deal's line items: copied from the library (product keeps the reference) or typed in.
CREATE TABLE deal_line (
    deal                   BIGINT         NOT NULL,
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
    PRIMARY KEY (deal, line_no),
    CONSTRAINT fk_deal_line_deal FOREIGN KEY (deal) REFERENCES deal (id) ON DELETE CASCADE,
    CONSTRAINT fk_deal_line_product FOREIGN KEY (product) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_deal_line_product ON deal_line (product);
