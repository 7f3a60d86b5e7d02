-- Magic links into the buyer portal: 256 random bits, only their SHA-256 kept, one purpose, one buyer
-- (the contact), one hour.
CREATE TABLE portal_link (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL,
    purpose      VARCHAR(20)  NOT NULL,
    contact      BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uk_portal_link_token UNIQUE (token_hash),
    INDEX ix_portal_link_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
