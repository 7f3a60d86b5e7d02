-- A promotion code limited to chosen payment links (a code without rows here is good on every link that takes
-- codes). Stripe cannot limit a promotion code to a Checkout Session's origin, so the app checks this before it
-- makes the session (see link.LinkPromotionCodes).
CREATE TABLE promotion_code_link (
    promotion_code BIGINT NOT NULL,
    payment_link   BIGINT NOT NULL,
    PRIMARY KEY (promotion_code, payment_link),
    INDEX ix_promotion_code_link_link (payment_link),
    CONSTRAINT fk_promotion_code_link_code FOREIGN KEY (promotion_code) REFERENCES promotion_code (id) ON DELETE CASCADE,
    CONSTRAINT fk_promotion_code_link_link FOREIGN KEY (payment_link) REFERENCES payment_link (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
