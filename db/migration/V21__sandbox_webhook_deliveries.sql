-- Each sandbox event is delivered to each matching webhook endpoint, retried with backoff.
CREATE TABLE sandbox_delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    endpoint_id     VARCHAR(255) NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NULL,
    delivered_at    DATETIME(6)  NULL,
    last_status     INT          NULL,
    INDEX ix_sandbox_delivery_due (delivered_at, next_attempt_at),
    INDEX ix_sandbox_delivery_event (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
