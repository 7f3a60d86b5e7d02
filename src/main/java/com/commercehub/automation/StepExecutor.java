package com.commercehub.automation;

import com.commercehub.base.i18n.Messages;
import com.commercehub.branding.BrandingService;
import com.commercehub.crm.DealOutcomes;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one due step inside the scheduler's transaction: the step row is locked first (SKIP LOCKED, so another
 * node passes it by) and marked DONE in the same commit as the action's own rows (outbox e-mail, notification,
 * webhook delivery, deal stage) — a step is done exactly when its effect is stored, and a crash undoes both.
 */
@Component
class StepExecutor {

    record Due(long id, long workflow, RecordType recordType, long recordId, String stepKey, Trigger trigger) {
    }

    /** The step cannot be done for this record (no recipient address): it fails at once, without retries. */
    static final class NotPossible extends RuntimeException {
        NotPossible(String reason) {
            super(reason);
        }
    }

    private final JdbcClient jdbc;
    private final WorkflowStore workflows;
    private final Enrolments enrolments;
    private final StepTexts texts;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final OutboundWebhooks webhooks;
    private final DealOutcomes deals;
    private final BrandingService branding;

    StepExecutor(JdbcClient jdbc, WorkflowStore workflows, Enrolments enrolments, StepTexts texts, EmailOutbox outbox,
                 EmailTemplates templates, OutboundWebhooks webhooks, DealOutcomes deals, BrandingService branding) {
        this.jdbc = jdbc;
        this.workflows = workflows;
        this.enrolments = enrolments;
        this.texts = texts;
        this.outbox = outbox;
        this.templates = templates;
        this.webhooks = webhooks;
        this.deals = deals;
        this.branding = branding;
    }

    /** Runs the step if it is still waiting and due; returns the status it ended in, or empty if someone else has it. */
    Optional<StepStatus> run(long stepId, Instant now) {
        Optional<Due> locked = jdbc.sql("""
                        SELECT id, workflow, record_type, record_id, step_key, trigger_type FROM automation_step
                        WHERE id = :id AND status = 'PENDING' AND due_at <= :now FOR UPDATE SKIP LOCKED""")
                .param("id", stepId).param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), RecordType.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getString(5), Trigger.valueOf(rs.getString(6)))).optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Due step = locked.get();
        StepStatus outcome = decide(step, now);
        enrolments.finish(step.id(), outcome, null, now);
        return Optional.of(outcome);
    }

    private StepStatus decide(Due step, Instant now) {
        Optional<WorkflowDetails> workflow = workflows.find(step.workflow());
        Optional<WorkflowAction> action = workflow.flatMap(w -> w.actions().stream()
                .filter(a -> a.stepKey().equals(step.stepKey())).findFirst());
        if (workflow.isEmpty() || !workflow.get().active() || action.isEmpty()) {
            return StepStatus.CANCELED; // switched off, or the step was removed from the workflow
        }
        Optional<RecordSource> source = enrolments.source(step.recordType());
        Optional<RecordSnapshot> record = source.flatMap(s -> s.load(step.recordId()));
        if (record.isEmpty() || !source.get().stillMatches(step.trigger(), record.get())
                || !workflow.get().conditions().matches(record.get())) {
            return StepStatus.UNENROLLED;
        }
        perform(workflow.get(), action.get(), record.get(), step.id(), now);
        return StepStatus.DONE;
    }

    private void perform(WorkflowDetails workflow, WorkflowAction action, RecordSnapshot record, long stepId,
                         Instant now) {
        String dedupe = "automation-step:" + stepId;
        switch (action.kind()) {
            case EMAIL -> {
                Recipient to = recipient(action, record);
                StepTexts.Text text = texts.email(action, workflow, record, to.locale());
                SimpleEmail content = SimpleEmail.of(text.subject(), text.subject(), text.paragraphs().toArray(String[]::new));
                outbox.enqueue(OutgoingEmail.to(to.address(), to.locale(), templates.simple(to.locale(), content),
                        "automation.workflow").withDedupeKey(dedupe));
            }
            case NOTIFY_OWNER -> {
                if (record.ownerEmail() == null) {
                    throw new NotPossible("the record has no owner");
                }
                Locale locale = staffLocale(record.ownerEmail());
                jdbc.sql("""
                                INSERT IGNORE INTO automation_notification (user_email, title, body, created_at, dedupe_key)
                                VALUES (:user, :title, :body, :now, :dedupe)""")
                        .param("user", record.ownerEmail().toLowerCase(Locale.ROOT))
                        .param("title", clip(texts.notification(action, workflow, record, locale), 300))
                        .param("body", clip(workflow.name() + " · " + record.reference(), 2000))
                        .param("now", Timestamp.from(now)).param("dedupe", dedupe).update();
            }
            case WEBHOOK -> webhooks.enqueue(action.endpointId(), "evt_wf_" + stepId, workflow.trigger().eventType(),
                    payload(record), now);
            case SET_DEAL_STAGE -> {
                if (record.dealId() == null) {
                    throw new NotPossible("the record belongs to no deal");
                }
                deals.moveToStage(record.dealId(), action.dealStage());
            }
        }
    }

    record Recipient(String address, Locale locale) {
    }

    private Recipient recipient(WorkflowAction action, RecordSnapshot record) {
        return switch (action.recipient()) {
            case BUYER -> {
                if (record.buyerEmail() == null) {
                    throw new NotPossible("the record has no buyer e-mail");
                }
                yield new Recipient(record.buyerEmail(), Messages.supported(record.buyerLocale()));
            }
            case OWNER -> {
                if (record.ownerEmail() == null) {
                    throw new NotPossible("the record has no owner");
                }
                yield new Recipient(record.ownerEmail(), staffLocale(record.ownerEmail()));
            }
            // A fixed address is nobody we know: it gets the business's default buyer language.
            case FIXED -> new Recipient(action.fixedAddress(),
                    Messages.supported(Locale.forLanguageTag(branding.current().defaultLanguage())));
        };
    }

    private Locale staffLocale(String email) {
        return Messages.supported(jdbc.sql("SELECT preferred_locale FROM app_user WHERE email = :email")
                .param("email", email).query(String.class).optional().map(Locale::forLanguageTag).orElse(Locale.ENGLISH));
    }

    static Map<String, Object> payload(RecordSnapshot record) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", record.type().name().toLowerCase(Locale.ROOT));
        data.put("id", record.id());
        data.put("reference", record.reference());
        data.put("status", record.status());
        if (record.amount() != null) {
            data.put("amount", record.amount().amount().toPlainString());
            data.put("currency", record.amount().currency().getCurrencyCode());
        }
        data.put("owner", record.ownerEmail());
        data.put("deal_id", record.dealId());
        data.put("deal_stage", record.dealStage());
        data.put("customer_name", record.buyerName());
        data.put("customer_email", record.buyerEmail());
        data.put("date", record.date() == null ? null : record.date().toString());
        return data;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
