-- What happened to an invoice besides its status: sent and resent (to whom, by whom). A resend carries the key
-- of the staff member's request, unique per invoice, so a double click records (and e-mails) it once.
CREATE TABLE invoice_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice      BIGINT         NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    recipient    VARCHAR(320)   NULL,
    actor        VARCHAR(320)   NOT NULL,
    request_key  VARCHAR(64)    NULL,
    created_at   DATETIME(6)    NOT NULL,
    CONSTRAINT fk_invoice_event_invoice FOREIGN KEY (invoice) REFERENCES invoice (id) ON DELETE CASCADE,
    CONSTRAINT uq_invoice_event_request UNIQUE (invoice, request_key),
    INDEX ix_invoice_event_invoice (invoice, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
