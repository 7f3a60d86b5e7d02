package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts records into workflows (one step row per action, unique per workflow, record and step) and takes them
 * out again when they stop matching. Runs in the caller's transaction and only reads and writes rows.
 */
@Component
class Enrolments {

    private final JdbcClient jdbc;
    private final WorkflowStore workflows;
    private final SettingsStore settings;
    private final Map<RecordType, RecordSource> sources;

    Enrolments(JdbcClient jdbc, WorkflowStore workflows, SettingsStore settings, List<RecordSource> sources) {
        this.jdbc = jdbc;
        this.workflows = workflows;
        this.settings = settings;
        this.sources = sources.stream().collect(Collectors.toMap(RecordSource::type, Function.identity()));
    }

    Optional<RecordSource> source(RecordType type) {
        return Optional.ofNullable(sources.get(type));
    }

    /** Enrols the record in every active workflow of the trigger whose conditions it meets. */
    int fire(Trigger trigger, long recordId, Instant now) {
        List<WorkflowDetails> active = workflows.active(trigger);
        if (active.isEmpty()) {
            return 0;
        }
        Optional<RecordSnapshot> record = source(trigger.recordType()).flatMap(s -> s.load(recordId));
        if (record.isEmpty()) {
            return 0;
        }
        AutomationSettings zone = settings.read();
        int steps = 0;
        for (WorkflowDetails workflow : active) {
            steps += enrol(workflow, record.get(), now, zone);
        }
        return steps;
    }

    /**
     * Enrols one record: each step due at the workflow's delay after {@code triggeredAt} (or relative to the
     * record's date). A step that already ran stays as it is; one waiting or unenrolled is (re)scheduled when
     * its time depends on the record's date, which may have changed (a republished quote's new expiry).
     */
    int enrol(WorkflowDetails workflow, RecordSnapshot record, Instant triggeredAt, AutomationSettings zone) {
        if (!workflow.conditions().matches(record)) {
            return 0;
        }
        Instant due = workflow.delay().dueAt(triggeredAt, record.date(), zone.timeZone(), zone.sendHour());
        if (due == null) {
            return 0;
        }
        int steps = 0;
        for (WorkflowAction action : workflow.actions()) {
            int inserted = jdbc.sql("""
                            INSERT IGNORE INTO automation_step (workflow, record_type, record_id, step_key, trigger_type,
                                status, enrolled_at, due_at)
                            VALUES (:workflow, :type, :record, :key, :trigger, 'PENDING', :now, :due)""")
                    .param("workflow", workflow.id()).param("type", record.type().name()).param("record", record.id())
                    .param("key", action.stepKey()).param("trigger", workflow.trigger().name())
                    .param("now", Timestamp.from(triggeredAt)).param("due", Timestamp.from(due)).update();
            if (inserted == 0) {
                String again = workflow.delay().kind().relativeToDate() ? "('PENDING', 'UNENROLLED')" : "('UNENROLLED')";
                inserted = jdbc.sql("""
                                UPDATE automation_step SET status = 'PENDING', due_at = :due, finished_at = NULL
                                WHERE workflow = :workflow AND record_type = :type AND record_id = :record
                                  AND step_key = :key AND status IN\s""" + again)
                        .param("workflow", workflow.id()).param("type", record.type().name())
                        .param("record", record.id()).param("key", action.stepKey()).param("due", Timestamp.from(due))
                        .update();
            }
            steps += inserted;
        }
        return steps;
    }

    /**
     * Waiting steps of the record whose workflow it no longer matches are unenrolled. Rows a scheduler holds right
     * now are skipped (it checks the record itself), so this never waits for one.
     */
    int unenrolStale(RecordType type, long recordId, Instant now) {
        record Waiting(long id, long workflow, Trigger trigger) {
        }
        List<Waiting> waiting = jdbc.sql("""
                        SELECT id, workflow, trigger_type FROM automation_step
                        WHERE record_type = :type AND record_id = :record AND status = 'PENDING' FOR UPDATE SKIP LOCKED""")
                .param("type", type.name()).param("record", recordId)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), Trigger.valueOf(rs.getString(3)))).list();
        if (waiting.isEmpty()) {
            return 0;
        }
        Optional<RecordSource> source = source(type);
        Optional<RecordSnapshot> record = source.flatMap(s -> s.load(recordId));
        int unenrolled = 0;
        for (Waiting step : waiting) {
            boolean matches = record.isPresent() && source.get().stillMatches(step.trigger(), record.get())
                    && workflows.find(step.workflow()).map(w -> w.conditions().matches(record.get())).orElse(false);
            if (!matches) {
                unenrolled += finish(step.id(), StepStatus.UNENROLLED, null, now);
            }
        }
        return unenrolled;
    }

    int finish(long stepId, StepStatus status, String error, Instant now) {
        return jdbc.sql("""
                        UPDATE automation_step SET status = :status, last_error = :error, finished_at = :now
                        WHERE id = :id""")
                .param("status", status.name()).param("error", error).param("now", Timestamp.from(now))
                .param("id", stepId).update();
    }

    /** A workflow switched off: its waiting steps will not run. */
    void cancelWaiting(long workflowId, Instant now) {
        jdbc.sql("""
                        UPDATE automation_step SET status = 'CANCELED', finished_at = :now
                        WHERE workflow = :workflow AND status = 'PENDING'""")
                .param("workflow", workflowId).param("now", Timestamp.from(now)).update();
    }
}
