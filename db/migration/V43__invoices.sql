-- Invoices: numbered when sent (drafts carry no number, so numbers have no gaps), paid through Checkout or
-- recorded by hand; receipts document every other payment. Money DECIMAL(19,4) in the invoice's currency.

CREATE TABLE invoice_settings (
    id                 INT          NOT NULL PRIMARY KEY,
    version            BIGINT       NOT NULL DEFAULT 0,
    number_prefix      VARCHAR(20)  NOT NULL,
    next_number        BIGINT       NOT NULL,
    receipt_prefix     VARCHAR(20)  NOT NULL,
    next_receipt       BIGINT       NOT NULL,
    reminder_days_after INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO invoice_settings (id, number_prefix, next_number, receipt_prefix, next_receipt, reminder_days_after)
VALUES (1, 'INV-', 1001, 'RCT-', 1001, 7);

CREATE TABLE invoice (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    version            BIGINT         NOT NULL DEFAULT 0,
    number             VARCHAR(64)    NULL,
    status             VARCHAR(15)    NOT NULL,
    deal               BIGINT         NULL,
    contact            BIGINT         NULL,
    company            BIGINT         NULL,
    buyer_name         VARCHAR(255)   NOT NULL,
    buyer_email        VARCHAR(320)   NOT NULL,
    locale             VARCHAR(35)    NOT NULL,
    owner              VARCHAR(320)   NOT NULL,
    currency           CHAR(3)        NOT NULL,
    issue_date         DATE           NOT NULL,
    payment_terms      VARCHAR(14)    NOT NULL,
    due_date           DATE           NOT NULL,
    discount_kind      VARCHAR(7)     NULL,
    discount_value     DECIMAL(19, 4) NULL,
    allow_partial      BOOLEAN        NOT NULL DEFAULT FALSE,
    comments           VARCHAR(4000)  NULL,
    footer             VARCHAR(2000)  NULL,
    total              DECIMAL(19, 4) NOT NULL,
    amount_paid        DECIMAL(19, 4) NOT NULL DEFAULT 0,
    token_hash         CHAR(64)       NULL,
    token_sealed       VARCHAR(255)   NULL,
    sent_at            DATETIME(6)    NULL,
    paid_at            DATETIME(6)    NULL,
    void_reason        VARCHAR(500)   NULL,
    status_changed_at  DATETIME(6)    NOT NULL,
    due_reminded       BOOLEAN        NOT NULL DEFAULT FALSE,
    late_reminded      BOOLEAN        NOT NULL DEFAULT FALSE,
    created_by         VARCHAR(320)   NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    CONSTRAINT uk_invoice_number UNIQUE (number),
    CONSTRAINT uk_invoice_token UNIQUE (token_hash),
    CONSTRAINT fk_invoice_deal FOREIGN KEY (deal) REFERENCES deal (id),
    CONSTRAINT fk_invoice_contact FOREIGN KEY (contact) REFERENCES contact (id),
    CONSTRAINT fk_invoice_company FOREIGN KEY (company) REFERENCES company (id),
    INDEX ix_invoice_status_due (status, due_date),
    INDEX ix_invoice_updated (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE invoice_line (
    invoice                BIGINT         NOT NULL,
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
    PRIMARY KEY (invoice, line_no),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice) REFERENCES invoice (id) ON DELETE CASCADE,
    CONSTRAINT fk_invoice_line_product FOREIGN KEY (product) REFERENCES product (id),
    INDEX ix_invoice_line_product (product)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Money that reached the seller outside Stripe: bank transfer, cash, cheque.
CREATE TABLE invoice_manual_payment (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice     BIGINT         NOT NULL,
    method      VARCHAR(13)    NOT NULL,
    paid_on     DATE           NOT NULL,
    amount      DECIMAL(19, 4) NOT NULL,
    reference   VARCHAR(255)   NULL,
    recorded_by VARCHAR(320)   NOT NULL,
    created_at  DATETIME(6)    NOT NULL,
    CONSTRAINT fk_invoice_manual_payment FOREIGN KEY (invoice) REFERENCES invoice (id),
    INDEX ix_invoice_manual_payment (invoice, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The document of a Stripe payment that belongs to no invoice (a paid quote, a payment link). No foreign key:
-- a receipt, once numbered, outlives whatever happens to the payment row.
CREATE TABLE receipt (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    number      VARCHAR(64)  NOT NULL,
    payment     BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_receipt_number UNIQUE (number),
    CONSTRAINT uk_receipt_payment UNIQUE (payment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE payment ADD COLUMN invoice BIGINT NULL,
    ADD CONSTRAINT fk_payment_invoice FOREIGN KEY (invoice) REFERENCES invoice (id),
    ADD INDEX ix_payment_invoice (invoice, id);

-- The invoice's Checkout Session: one open at a time, for the amount due when it was made.
CREATE TABLE invoice_checkout (
    invoice     BIGINT         NOT NULL PRIMARY KEY,
    account_id  VARCHAR(255)   NULL,
    session_id  VARCHAR(255)   NULL,
    amount_due  DECIMAL(19, 4) NULL,
    attempt     INT            NOT NULL DEFAULT 0,
    updated_at  DATETIME(6)    NOT NULL,
    CONSTRAINT fk_invoice_checkout FOREIGN KEY (invoice) REFERENCES invoice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
