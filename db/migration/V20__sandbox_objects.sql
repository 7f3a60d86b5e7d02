-- The built-in Stripe sandbox keeps every API object as Stripe-shaped JSON, newest last by seq.
CREATE TABLE sandbox_object (
    seq         BIGINT AUTO_INCREMENT PRIMARY KEY,
    id          VARCHAR(255) NOT NULL,
    object_type VARCHAR(64)  NOT NULL,
    created     BIGINT       NOT NULL,
    body        LONGTEXT     NOT NULL,
    CONSTRAINT uk_sandbox_object_id UNIQUE (id),
    INDEX ix_sandbox_object_type (object_type, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Idempotency-Key results, per API key (hashed), replayed for 24 hours like Stripe's.
CREATE TABLE sandbox_idempotency (
    key_scope     CHAR(64)     NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_path  VARCHAR(500) NOT NULL,
    params_hash   CHAR(64)     NOT NULL,
    status        INT          NOT NULL,
    response_body LONGTEXT     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (key_scope, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
