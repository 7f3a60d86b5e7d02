-- The connected Stripe account. One row per connection; the active one has no disconnected_at, older
-- rows stay so that records made through an old account can still name it. Secrets are AES-GCM encrypted.
CREATE TABLE stripe_connection (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id            VARCHAR(255) NOT NULL,
    account_name          VARCHAR(500) NULL,
    country               CHAR(2)      NOT NULL,
    default_currency      CHAR(3)      NULL,
    sandbox               BOOLEAN      NOT NULL,
    livemode              BOOLEAN      NOT NULL,
    api_key_enc           TEXT         NULL,
    api_key_last4         VARCHAR(8)   NULL,
    webhook_endpoint_id   VARCHAR(255) NULL,
    webhook_url           VARCHAR(1000) NOT NULL,
    webhook_secret_enc    TEXT         NULL,
    account_json          LONGTEXT     NOT NULL,
    supported_currencies  TEXT         NULL,
    terms_accepted_at     DATETIME(6)  NULL,
    connected_by          VARCHAR(254) NULL,
    connected_at          DATETIME(6)  NOT NULL,
    refreshed_at          DATETIME(6)  NOT NULL,
    disconnected_at       DATETIME(6)  NULL,
    INDEX ix_stripe_connection_active (disconnected_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every verified webhook event, once (its id is unique); processing happens after the 2xx answer.
CREATE TABLE stripe_event (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,
    account_id   VARCHAR(255) NULL,
    type         VARCHAR(255) NOT NULL,
    api_version  VARCHAR(64)  NULL,
    created      BIGINT       NOT NULL,
    payload      LONGTEXT     NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    processed_at DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
