-- Transactional e-mail outbox: a row is written in the same transaction as the change that causes the
-- message, and a sender delivers it over SMTP afterwards (retried with backoff, every attempt logged).
-- Bodies are stored rendered, so what the admin page shows is exactly what was (or will be) sent.
CREATE TABLE email_outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(100)  NOT NULL,
    -- Callers' idempotency: enqueuing a message with the same key again stores nothing new.
    dedupe_key       VARCHAR(255)  NULL,
    recipient        VARCHAR(320)  NOT NULL,
    recipient_locale VARCHAR(35)   NOT NULL,
    subject          VARCHAR(1000) NOT NULL,
    html_body        MEDIUMTEXT    NOT NULL,
    text_body        MEDIUMTEXT    NOT NULL,
    -- WAITING (no SMTP configured), PENDING, SENT, FAILED (gave up; the last error is kept).
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    -- When a sender may take it next. A sender claims a message by moving this past its lease.
    next_attempt_at  DATETIME(6)   NOT NULL,
    claim_token      CHAR(36)      NULL,
    first_attempt_at DATETIME(6)   NULL,
    last_attempt_at  DATETIME(6)   NULL,
    sent_at          DATETIME(6)   NULL,
    last_error       TEXT          NULL,
    CONSTRAINT uq_email_outbox_dedupe UNIQUE (dedupe_key),
    INDEX ix_email_outbox_due (status, next_attempt_at),
    INDEX ix_email_outbox_created (created_at),
    INDEX ix_email_outbox_status_created (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE email_attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    email_id     BIGINT        NOT NULL,
    position     INT           NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(255)  NOT NULL,
    size_bytes   INT           NOT NULL,
    content      LONGBLOB      NOT NULL,
    CONSTRAINT fk_email_attachment_email FOREIGN KEY (email_id) REFERENCES email_outbox (id) ON DELETE CASCADE,
    CONSTRAINT uq_email_attachment_position UNIQUE (email_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per delivery attempt, successful or not.
CREATE TABLE email_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    email_id     BIGINT       NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    outcome      VARCHAR(10)  NOT NULL,
    error        TEXT         NULL,
    duration_ms  BIGINT       NOT NULL,
    CONSTRAINT fk_email_attempt_email FOREIGN KEY (email_id) REFERENCES email_outbox (id) ON DELETE CASCADE,
    INDEX ix_email_attempt_email (email_id, attempted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
