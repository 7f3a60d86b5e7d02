-- Every sign-in attempt at /login, for the administrators' sign-in log; rows older than 90 days are deleted.
CREATE TABLE sign_in_event (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    client_address VARCHAR(45)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    INDEX ix_sign_in_event_time (occurred_at),
    INDEX ix_sign_in_event_email (email, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
