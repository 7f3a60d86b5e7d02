-- A custom e-mail step's subject and body in one language; the step's own subject/body stay the default text
-- for every language without a row here. Rows go with their step (the editor's save rewrites a workflow's steps).
CREATE TABLE workflow_action_text (
    workflow        BIGINT        NOT NULL,
    step_key        VARCHAR(40)   NOT NULL,
    language        VARCHAR(8)    NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            TEXT          NOT NULL,
    PRIMARY KEY (workflow, step_key, language),
    CONSTRAINT fk_workflow_action_text_step FOREIGN KEY (workflow, step_key)
        REFERENCES workflow_action (workflow, step_key) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
