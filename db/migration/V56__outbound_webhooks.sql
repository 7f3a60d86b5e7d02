-- Outbound webhooks: endpoints with a signing secret (AES-GCM sealed), deliveries as an outbox, every attempt logged.
CREATE TABLE webhook_endpoint (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    version         BIGINT        NOT NULL DEFAULT 0,
    name            VARCHAR(200)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    secret          VARCHAR(500)  NOT NULL,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    endpoint        BIGINT        NOT NULL,
    event_id        VARCHAR(60)   NOT NULL,
    event_type      VARCHAR(60)   NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    round_started_at DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claim_token     VARCHAR(40)   NULL,
    last_status_code INT          NULL,
    delivered_at    DATETIME(6)   NULL,
    CONSTRAINT uk_webhook_delivery_event UNIQUE (endpoint, event_id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint) REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    INDEX ix_webhook_delivery_due (status, next_attempt_at),
    INDEX ix_webhook_delivery_endpoint (endpoint, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_attempt (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    delivery        BIGINT        NOT NULL,
    attempted_at    DATETIME(6)   NOT NULL,
    status_code     INT           NULL,
    duration_ms     BIGINT        NOT NULL,
    body_excerpt    VARCHAR(1000) NULL,
    error           VARCHAR(1000) NULL,
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery) REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    INDEX ix_webhook_attempt_delivery (delivery, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
