package com.commercehub.automation;

import com.commercehub.crm.DealStage;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Workflows and their actions in SQL; callers hold the transaction. */
@Component
class WorkflowStore {

    private final JdbcClient jdbc;

    WorkflowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(WorkflowDraft draft, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                        INSERT INTO workflow (name, trigger_type, active, min_amount, max_amount, currency, product, owner,
                            deal_stage, delay_kind, delay_amount, delay_unit, created_at, updated_at)
                        VALUES (:name, :trigger, FALSE, :min, :max, :currency, :product, :owner, :stage, :delayKind,
                            :delayAmount, :delayUnit, :now, :now)"""), draft, now).update(keys);
        long id = keys.getKey().longValue();
        insertActions(id, draft.actions());
        return id;
    }

    void update(long id, long expectedVersion, WorkflowDraft draft, Instant now) {
        int updated = bind(jdbc.sql("""
                        UPDATE workflow SET name = :name, trigger_type = :trigger, min_amount = :min, max_amount = :max,
                            currency = :currency, product = :product, owner = :owner, deal_stage = :stage,
                            delay_kind = :delayKind, delay_amount = :delayAmount, delay_unit = :delayUnit,
                            updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version"""), draft, now)
                .param("id", id).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("workflow " + id + " changed meanwhile");
        }
        jdbc.sql("DELETE FROM workflow_action WHERE workflow = :id").param("id", id).update();
        insertActions(id, draft.actions());
    }

    void setActive(long id, long expectedVersion, boolean active, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE workflow SET active = :active, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("active", active).param("now", Timestamp.from(now)).param("id", id)
                .param("version", expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("workflow " + id + " changed meanwhile");
        }
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM workflow WHERE id = :id").param("id", id).update();
    }

    Optional<WorkflowDetails> find(long id) {
        return jdbc.sql("SELECT * FROM workflow WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional().map(this::withActions);
    }

    /** The active workflows of a trigger: few, read on each trigger event. */
    List<WorkflowDetails> active(Trigger trigger) {
        return jdbc.sql("SELECT * FROM workflow WHERE trigger_type = :trigger AND active ORDER BY id")
                .param("trigger", trigger.name()).query((rs, n) -> row(rs)).list()
                .stream().map(this::withActions).toList();
    }

    List<WorkflowListEntry> page(int offset, int limit) {
        return jdbc.sql("""
                        SELECT w.id, w.name, w.trigger_type, w.active,
                            (SELECT COUNT(*) FROM automation_step s WHERE s.workflow = w.id AND s.status = 'PENDING') pending,
                            (SELECT COUNT(*) FROM automation_step s WHERE s.workflow = w.id AND s.status = 'DONE') done
                        FROM workflow w ORDER BY w.name, w.id LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new WorkflowListEntry(rs.getLong("id"), rs.getString("name"),
                        Trigger.valueOf(rs.getString("trigger_type")), rs.getBoolean("active"), rs.getLong("pending"),
                        rs.getLong("done"))).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM workflow").query(Long.class).single();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, WorkflowDraft draft, Instant now) {
        Conditions c = draft.conditions();
        return sql.param("name", draft.name().strip()).param("trigger", draft.trigger().name())
                .param("min", c.minAmount()).param("max", c.maxAmount())
                .param("currency", c.currency() == null ? null : c.currency().getCurrencyCode())
                .param("product", c.productId()).param("owner", c.owner())
                .param("stage", c.dealStage() == null ? null : c.dealStage().name())
                .param("delayKind", draft.delay().kind().name()).param("delayAmount", draft.delay().amount())
                .param("delayUnit", draft.delay().unit().name()).param("now", Timestamp.from(now));
    }

    private void insertActions(long workflowId, List<WorkflowAction> actions) {
        int position = 0;
        for (WorkflowAction action : actions) {
            String key = action.stepKey() == null ? UUID.randomUUID().toString() : action.stepKey();
            jdbc.sql("""
                            INSERT INTO workflow_action (workflow, position, step_key, kind, recipient, fixed_address,
                                template, subject, body, endpoint, deal_stage)
                            VALUES (:workflow, :position, :key, :kind, :recipient, :fixed, :template, :subject, :body,
                                :endpoint, :stage)""")
                    .param("workflow", workflowId).param("position", position++).param("key", key)
                    .param("kind", action.kind().name())
                    .param("recipient", action.recipient() == null ? null : action.recipient().name())
                    .param("fixed", action.fixedAddress())
                    .param("template", action.template() == null ? null : action.template().name())
                    .param("subject", action.subject()).param("body", action.body())
                    .param("endpoint", action.endpointId())
                    .param("stage", action.dealStage() == null ? null : action.dealStage().name()).update();
            // A template's translations are the bundles'; only typed texts keep their own.
            for (var text : action.customEmail() ? action.translations().entrySet()
                    : Map.<Locale, WorkflowAction.EmailText>of().entrySet()) {
                jdbc.sql("""
                                INSERT INTO workflow_action_text (workflow, step_key, language, subject, body)
                                VALUES (:workflow, :key, :language, :subject, :body)""")
                        .param("workflow", workflowId).param("key", key)
                        .param("language", text.getKey().getLanguage())
                        .param("subject", text.getValue().subject()).param("body", text.getValue().body()).update();
            }
        }
    }

    private WorkflowDetails withActions(WorkflowDetails w) {
        List<WorkflowAction> actions = jdbc.sql("SELECT * FROM workflow_action WHERE workflow = :id ORDER BY position")
                .param("id", w.id()).query((rs, n) -> new WorkflowAction(rs.getString("step_key"),
                        WorkflowAction.Kind.valueOf(rs.getString("kind")),
                        enumOrNull(WorkflowAction.Recipient.class, rs.getString("recipient")),
                        rs.getString("fixed_address"),
                        enumOrNull(WorkflowAction.EmailTemplate.class, rs.getString("template")),
                        rs.getString("subject"), rs.getString("body"), (Long) rs.getObject("endpoint", Long.class),
                        enumOrNull(DealStage.class, rs.getString("deal_stage")))).list();
        Map<String, Map<Locale, WorkflowAction.EmailText>> texts = new HashMap<>();
        jdbc.sql("SELECT * FROM workflow_action_text WHERE workflow = :id ORDER BY step_key, language")
                .param("id", w.id()).query(rs -> {
                    texts.computeIfAbsent(rs.getString("step_key"), k -> new LinkedHashMap<>())
                            .put(Locale.of(rs.getString("language")),
                                    new WorkflowAction.EmailText(rs.getString("subject"), rs.getString("body")));
                });
        actions = actions.stream().map(a -> a.withTranslations(texts.getOrDefault(a.stepKey(), Map.of()))).toList();
        return new WorkflowDetails(w.id(), w.version(), w.name(), w.trigger(), w.active(), w.conditions(), w.delay(),
                actions);
    }

    private static WorkflowDetails row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Conditions conditions = new Conditions(rs.getBigDecimal("min_amount"), rs.getBigDecimal("max_amount"),
                currency == null ? null : Currency.getInstance(currency), rs.getObject("product", Long.class),
                rs.getString("owner"), enumOrNull(DealStage.class, rs.getString("deal_stage")));
        Delay delay = new Delay(Delay.Kind.valueOf(rs.getString("delay_kind")), rs.getInt("delay_amount"),
                Delay.Unit.valueOf(rs.getString("delay_unit")));
        return new WorkflowDetails(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
                Trigger.valueOf(rs.getString("trigger_type")), rs.getBoolean("active"), conditions, delay, List.of());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
