-- Stored Stripe events are processed by a worker after the webhook's answer: each row moves from PENDING to
-- PROCESSED (handlers ran), IGNORED (no handler for its type) or, after too many failed tries, FAILED with the
-- reason. A failing try leaves it PENDING with the next try due later (exponential backoff).
-- Rows stored before this change were never processed: they start PENDING, due at once.
ALTER TABLE stripe_event
    ADD COLUMN state           VARCHAR(16)   NOT NULL DEFAULT 'PENDING' AFTER payload,
    ADD COLUMN source          VARCHAR(16)   NOT NULL DEFAULT 'WEBHOOK' AFTER state,
    ADD COLUMN attempts        INT           NOT NULL DEFAULT 0 AFTER source,
    ADD COLUMN next_attempt_at DATETIME(6)   NULL AFTER attempts,
    ADD COLUMN last_error      VARCHAR(2000) NULL AFTER next_attempt_at;

UPDATE stripe_event SET next_attempt_at = received_at;

-- The worker's question: which pending events are due? (state, next_attempt_at) answers it in order.
CREATE INDEX ix_stripe_event_due ON stripe_event (state, next_attempt_at);
-- The admin's question: which events failed, newest first?
CREATE INDEX ix_stripe_event_state_received ON stripe_event (state, received_at);

-- Every reconciler run: when, for which account, what it saw and repaired (details per step, e.g. "events: 120
-- seen, 2 repaired"). cursor_created is Stripe's "created" time (epoch seconds) of the newest event of a run
-- that listed completely; the next run lists from there (minus an overlap).
CREATE TABLE stripe_reconcile_run (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id     VARCHAR(255)  NULL,
    triggered_by   VARCHAR(254)  NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NULL,
    events_seen    INT           NOT NULL DEFAULT 0,
    repaired       INT           NOT NULL DEFAULT 0,
    errors         INT           NOT NULL DEFAULT 0,
    details        VARCHAR(2000) NULL,
    error_message  VARCHAR(2000) NULL,
    cursor_created BIGINT        NULL,
    INDEX ix_stripe_reconcile_run_account (account_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
