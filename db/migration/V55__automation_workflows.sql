-- Workflows: a trigger, optional conditions, one delay and the actions (steps) that run after it.
CREATE TABLE workflow (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    version         BIGINT        NOT NULL DEFAULT 0,
    name            VARCHAR(200)  NOT NULL,
    trigger_type    VARCHAR(40)   NOT NULL,
    active          BOOLEAN       NOT NULL DEFAULT FALSE,
    min_amount      DECIMAL(19, 4) NULL,
    max_amount      DECIMAL(19, 4) NULL,
    currency        CHAR(3)       NULL,
    product         BIGINT        NULL,
    owner           VARCHAR(254)  NULL,
    deal_stage      VARCHAR(20)   NULL,
    delay_kind      VARCHAR(20)   NOT NULL,
    delay_amount    INT           NOT NULL DEFAULT 0,
    delay_unit      VARCHAR(10)   NOT NULL DEFAULT 'DAYS',
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    INDEX ix_workflow_trigger (trigger_type, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- step_key stays the same while a workflow is edited, so a step that ran is never run again.
CREATE TABLE workflow_action (
    workflow        BIGINT        NOT NULL,
    position        INT           NOT NULL,
    step_key        VARCHAR(40)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    recipient       VARCHAR(20)   NULL,
    fixed_address   VARCHAR(320)  NULL,
    template        VARCHAR(40)   NULL,
    subject         VARCHAR(1000) NULL,
    body            TEXT          NULL,
    endpoint        BIGINT        NULL,
    deal_stage      VARCHAR(20)   NULL,
    PRIMARY KEY (workflow, position),
    CONSTRAINT uk_workflow_action_step UNIQUE (workflow, step_key),
    CONSTRAINT fk_workflow_action_workflow FOREIGN KEY (workflow) REFERENCES workflow (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (workflow, record, step): the unique key is what makes a step run at most once, whichever node
-- claims it. Rows are claimed with SELECT … FOR UPDATE SKIP LOCKED and finished in the same transaction.
CREATE TABLE automation_step (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workflow        BIGINT        NOT NULL,
    record_type     VARCHAR(20)   NOT NULL,
    record_id       BIGINT        NOT NULL,
    step_key        VARCHAR(40)   NOT NULL,
    trigger_type    VARCHAR(40)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    enrolled_at     DATETIME(6)   NOT NULL,
    due_at          DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000) NULL,
    finished_at     DATETIME(6)   NULL,
    CONSTRAINT uk_automation_step UNIQUE (workflow, record_type, record_id, step_key),
    CONSTRAINT fk_automation_step_workflow FOREIGN KEY (workflow) REFERENCES workflow (id) ON DELETE CASCADE,
    INDEX ix_automation_step_due (status, due_at),
    INDEX ix_automation_step_record (record_type, record_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The business's time zone and hour for date-relative steps, and whether webhooks may reach private addresses.
CREATE TABLE automation_settings (
    id                      INT          NOT NULL PRIMARY KEY,
    time_zone               VARCHAR(60)  NOT NULL,
    send_hour               INT          NOT NULL,
    allow_private_webhooks  BOOLEAN      NOT NULL,
    updated_at              DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO automation_settings (id, time_zone, send_hour, allow_private_webhooks) VALUES (1, 'UTC', 9, FALSE);

-- In-app notifications (the bell), per staff user.
CREATE TABLE automation_notification (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_email      VARCHAR(254)  NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    body            VARCHAR(2000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    read_at         DATETIME(6)   NULL,
    dedupe_key      VARCHAR(120)  NULL,
    CONSTRAINT uk_automation_notification_dedupe UNIQUE (dedupe_key),
    INDEX ix_automation_notification_user (user_email, read_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
