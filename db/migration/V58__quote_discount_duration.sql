-- How long a quote discount applies to recurring lines: every payment (a forever coupon) or the
-- first payment only (a once coupon). Existing discounts keep applying to every payment.
ALTER TABLE quote_adjustment
    ADD COLUMN applies_to VARCHAR(13) NOT NULL DEFAULT 'EVERY_PAYMENT';
