-- The payments grid's two other dimensions: what a SALES user always filters by (the deal's owner) and the
-- payment's source. Kept in their own tables rather than as columns of payment_count_daily: one table with
-- every dimension has nearly a row per payment on busy days, and the unfiltered count would have to sum
-- them all. An owner's rows (owner first in the key) and a source's rows are a few thousand; the page's
-- seek reads the same day counts (dashboard.PaymentsPageService). owner '' = no deal. The owner is the
-- deal's current owner: a deal that changes hands moves its payments' counts (dashboard.RollupMaintenance).
ALTER TABLE rollup_payment_counted
    ADD COLUMN source VARCHAR(10)  NOT NULL DEFAULT '',
    ADD COLUMN owner  VARCHAR(254) NOT NULL DEFAULT '';

UPDATE rollup_payment_counted c JOIN payment p ON p.id = c.payment LEFT JOIN deal d ON d.id = p.deal
SET c.source = (CASE WHEN p.invoice IS NOT NULL THEN 'invoice'
                     WHEN (p.subscription IS NOT NULL OR p.stripe_subscription_id IS NOT NULL)
                          AND p.checkout_session_id IS NULL THEN 'renewal'
                     WHEN p.payment_link IS NOT NULL THEN 'link' ELSE 'quote' END),
    c.owner = COALESCE(d.owner, '');

CREATE TABLE payment_count_owner_daily (
    owner        VARCHAR(254)   NOT NULL,
    day          DATE           NOT NULL,
    source       VARCHAR(10)    NOT NULL,
    currency     CHAR(3)        NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    payments     BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (owner, day, source, currency, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment_count_source_daily (
    source       VARCHAR(10)    NOT NULL,
    day          DATE           NOT NULL,
    currency     CHAR(3)        NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    payments     BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (source, day, currency, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO payment_count_owner_daily (owner, day, source, currency, status, payments)
SELECT owner, day, source, currency, status, COUNT(*) FROM rollup_payment_counted
GROUP BY owner, day, source, currency, status;

INSERT INTO payment_count_source_daily (source, day, currency, status, payments)
SELECT source, day, currency, status, COUNT(*) FROM rollup_payment_counted GROUP BY source, day, currency, status;
