CREATE TABLE tax_rate (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    version       BIGINT        NOT NULL DEFAULT 0,
    name          VARCHAR(100)  NOT NULL,
    percentage    DECIMAL(7, 4) NOT NULL,
    inclusive     BOOLEAN       NOT NULL,
    country       CHAR(2)       NULL,
    region        VARCHAR(100)  NULL,
    archived      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uk_tax_rate_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
