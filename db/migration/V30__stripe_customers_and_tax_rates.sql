-- The Stripe customer of each buyer e-mail address in each Stripe account: found or made once, even
-- when several checkouts start at the same moment (the key is unique). email_key is the address in
-- lower case, as Stripe's search compares it.
CREATE TABLE stripe_customer (
    account_id   VARCHAR(255) NOT NULL,
    email_key    VARCHAR(254) NOT NULL,
    customer_id  VARCHAR(255) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, email_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The Stripe customer a contact pays as, per Stripe account.
CREATE TABLE contact_stripe_customer (
    contact      BIGINT       NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    customer_id  VARCHAR(255) NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (contact, account_id),
    CONSTRAINT fk_contact_stripe_customer_contact FOREIGN KEY (contact) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stripe tax rates made for checkouts: one per account, percentage, inclusive or not, and the name the
-- buyer sees (in the quote's language), reused by every later checkout.
CREATE TABLE stripe_tax_rate (
    account_id    VARCHAR(255)  NOT NULL,
    percentage    DECIMAL(7, 4) NOT NULL,
    inclusive     BOOLEAN       NOT NULL,
    display_name  VARCHAR(50)   NOT NULL,
    tax_rate_id   VARCHAR(255)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (account_id, percentage, inclusive, display_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
