-- What the subscriptions list needs beyond V31: paused collection, when a scheduled cancellation takes
-- effect and why (Stripe's cancellation_details), mirrored from Stripe by payment.PaymentRecords.
ALTER TABLE subscription
    ADD COLUMN paused               BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN cancel_at            DATETIME(6)  NULL,
    ADD COLUMN canceled_at          DATETIME(6)  NULL,
    ADD COLUMN cancellation_reason  VARCHAR(500) NULL,
    ADD INDEX ix_subscription_contact (contact, id),
    ADD INDEX ix_subscription_period_end (current_period_end, id);

-- Who did what to a subscription (staff, the buyer in the portal, Stripe), newest read first.
CREATE TABLE subscription_event (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription   BIGINT        NOT NULL,
    occurred_at    DATETIME(6)   NOT NULL,
    actor_kind     VARCHAR(10)   NOT NULL,
    actor          VARCHAR(320)  NULL,
    kind           VARCHAR(40)   NOT NULL,
    detail         VARCHAR(1000) NULL,
    INDEX ix_subscription_event (subscription, occurred_at, id),
    CONSTRAINT fk_subscription_event FOREIGN KEY (subscription) REFERENCES subscription (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the seller lets the buyer do in the portal, per subscription (absent row: the defaults).
CREATE TABLE subscription_portal_setting (
    subscription          BIGINT  NOT NULL PRIMARY KEY,
    buyer_changes_quantity BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_subscription_portal_setting FOREIGN KEY (subscription) REFERENCES subscription (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
