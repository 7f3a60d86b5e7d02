-- A tax rate per payment-link item, copied from the tax rates quotes use when the item is chosen (as quote lines
-- copy theirs): a later change of the rate does not alter what a published link charges. tax_rate is where the
-- copy came from, without a foreign key, like the item's product.
ALTER TABLE payment_link_item
    ADD COLUMN tax_rate       BIGINT        NULL,
    ADD COLUMN tax_name       VARCHAR(100)  NULL,
    ADD COLUMN tax_percentage DECIMAL(7, 4) NULL,
    ADD COLUMN tax_inclusive  BOOLEAN       NOT NULL DEFAULT FALSE;
