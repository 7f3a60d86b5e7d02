-- The sandbox's clock: how far it runs ahead of real time (advanced to show renewals, like Stripe's test clocks).
CREATE TABLE sandbox_clock (
    id             INT    NOT NULL PRIMARY KEY,
    offset_seconds BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO sandbox_clock (id, offset_seconds) VALUES (1, 0);
