package com.commercehub.automation;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.base.time.BusinessCalendar;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Workflows as admins build them (everyone on staff may look): create, edit, switch on and off, the ready
 * templates, the dry run, and the business's automation settings.
 */
@Service
@Secured(Role.Authority.ADMIN)
public class WorkflowService {

    static final int DRY_RUN_LIMIT = 200;

    private final WorkflowStore store;
    private final Enrolments enrolments;
    private final SettingsStore settings;
    private final Messages messages;
    private final BusinessCalendar calendar;
    private final Clock clock;

    WorkflowService(WorkflowStore store, Enrolments enrolments, SettingsStore settings, Messages messages,
                    BusinessCalendar calendar, Clock clock) {
        this.store = store;
        this.enrolments = enrolments;
        this.settings = settings;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<WorkflowListEntry> page(int offset, int limit) {
        return store.page(offset, limit);
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public long count() {
        return store.count();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public Optional<WorkflowDetails> get(long id) {
        return store.find(id);
    }

    /** Triggers whose records exist in this installation (invoices appear once their feature provides them). */
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<Trigger> availableTriggers() {
        return java.util.Arrays.stream(Trigger.values())
                .filter(t -> enrolments.source(t.recordType()).isPresent()).toList();
    }

    /**
     * A new workflow, switched off.
     *
     * @throws WorkflowValidationException naming each field that is not acceptable
     */
    @Transactional
    public WorkflowDetails create(WorkflowDraft draft) {
        validate(draft);
        long id = store.insert(draft, clock.instant());
        return store.find(id).orElseThrow();
    }

    /** One of the seeds' workflows, named in {@code locale}, switched off so it can be reviewed and dry-run first. */
    @Transactional
    public WorkflowDetails createFromTemplate(WorkflowTemplate template, Locale locale) {
        return create(template.draft(messages, locale));
    }

    /**
     * Saves the edit of the version the editor showed. Steps keep their keys, so what already ran for a record
     * never runs again; steps waiting keep their times.
     */
    @Transactional
    public WorkflowDetails update(long id, long expectedVersion, WorkflowDraft draft) {
        validate(draft);
        store.update(id, expectedVersion, draft, clock.instant());
        return store.find(id).orElseThrow();
    }

    /**
     * Switches the workflow on; with {@code enrolExisting} the records the dry run lists are enrolled too
     * (steps whose time has passed run at once). Switching off cancels the waiting steps.
     */
    @Transactional
    public WorkflowDetails setActive(long id, long expectedVersion, boolean active, boolean enrolExisting) {
        Instant now = calendar.now();
        store.setActive(id, expectedVersion, active, clock.instant());
        WorkflowDetails workflow = store.find(id).orElseThrow();
        if (!active) {
            enrolments.cancelWaiting(id, now);
        } else if (enrolExisting) {
            AutomationSettings zone = settings.read();
            for (RecordSnapshot record : candidates(workflow)) {
                Instant base = baseTime(record, now);
                Instant due = workflow.delay().dueAt(base, record.date(), zone.timeZone(), zone.sendHour());
                enrolments.enrol(workflow, record, due != null && due.isBefore(now) ? now : base, zone);
            }
        }
        return workflow;
    }

    @Transactional
    public void delete(long id) {
        store.delete(id);
    }

    /**
     * The existing records the workflow would enrol if switched on now (with enrolment of existing records),
     * and when its steps would run; nothing is stored.
     */
    @Transactional(readOnly = true)
    public List<DryRunEntry> dryRun(WorkflowDraft draft) {
        validate(draft);
        WorkflowDetails workflow = new WorkflowDetails(0, 0, draft.name(), draft.trigger(), true, draft.conditions(),
                draft.delay(), draft.actions());
        Instant now = calendar.now();
        AutomationSettings zone = settings.read();
        List<DryRunEntry> entries = new ArrayList<>();
        for (RecordSnapshot record : candidates(workflow)) {
            Instant due = workflow.delay().dueAt(baseTime(record, now), record.date(), zone.timeZone(), zone.sendHour());
            if (due != null) {
                boolean atOnce = !due.isAfter(now);
                entries.add(new DryRunEntry(record.type(), record.id(), record.reference(), record.buyerName(),
                        atOnce ? now : due, atOnce));
            }
        }
        return entries;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public AutomationSettings settings() {
        return settings.read();
    }

    @Transactional
    public AutomationSettings updateSettings(AutomationSettings changed) {
        if (changed.sendHour() < 0 || changed.sendHour() > 23) {
            throw new WorkflowValidationException(Map.of("sendHour", "automation.settings.hour.invalid"));
        }
        settings.write(changed, clock.instant());
        return settings.read();
    }

    private List<RecordSnapshot> candidates(WorkflowDetails workflow) {
        return enrolments.source(workflow.trigger().recordType())
                .map(s -> s.current(workflow.trigger(), DRY_RUN_LIMIT)).orElse(List.of()).stream()
                .filter(r -> workflow.conditions().matches(r)).toList();
    }

    // For existing records the trigger happened when they entered their state.
    private static Instant baseTime(RecordSnapshot record, Instant now) {
        return record.occurredAt() == null ? now : record.occurredAt();
    }

    private void validate(WorkflowDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > 200) {
            problems.put("name", "automation.name.required");
        }
        if (draft.trigger() == null) {
            problems.put("trigger", "automation.trigger.required");
        } else if (enrolments.source(draft.trigger().recordType()).isEmpty()) {
            problems.put("trigger", "automation.trigger.unavailable");
        } else if (draft.delay().kind().relativeToDate() && !draft.trigger().hasDate()) {
            problems.put("delay", "automation.delay.no-date");
        }
        if (draft.delay().amount() < 0 || draft.delay().amount() > Delay.MAX_AMOUNT
                || (draft.delay().kind() == Delay.Kind.AFTER_TRIGGER && draft.delay().amount() == 0)) {
            problems.put("delay", "automation.delay.invalid");
        }
        Conditions c = draft.conditions();
        if (c.minAmount() != null && c.maxAmount() != null && c.minAmount().compareTo(c.maxAmount()) > 0) {
            problems.put("maxAmount", "automation.condition.range");
        }
        if (draft.actions().isEmpty()) {
            problems.put("actions", "automation.actions.required");
        }
        for (int i = 0; i < draft.actions().size(); i++) {
            WorkflowAction action = draft.actions().get(i);
            String problem = problem(action);
            if (problem != null) {
                problems.putIfAbsent("actions", problem);
            }
            if (action.kind() != null && action.customEmail()) {
                translationProblems(i, action, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(problems);
        }
    }

    private static String problem(WorkflowAction action) {
        if (action.kind() == null) {
            return "automation.action.required";
        }
        return switch (action.kind()) {
            case EMAIL -> {
                if (action.recipient() == null) {
                    yield "automation.action.recipient.required";
                }
                if (action.recipient() == WorkflowAction.Recipient.FIXED && !isAddress(action.fixedAddress())) {
                    yield "automation.action.address.invalid";
                }
                boolean custom = action.template() == null || action.template() == WorkflowAction.EmailTemplate.CUSTOM;
                if (custom && (blank(action.subject()) || blank(action.body()))) {
                    yield "automation.action.text.required";
                }
                if (action.subject() != null && action.subject().length() > 1000) {
                    yield "automation.action.text.required";
                }
                yield null;
            }
            case NOTIFY_OWNER -> action.subject() != null && action.subject().length() > 300
                    ? "automation.action.text.too-long" : null;
            case WEBHOOK -> null;
            case SET_DEAL_STAGE -> action.dealStage() == null ? "automation.action.stage.required" : null;
        };
    }

    /**
     * A translation is all or nothing: a subject without a body (or the reverse) would mix languages in one
     * e-mail. Each problem names its field (language and part), so the editor shows it next to that field.
     */
    private static void translationProblems(int index, WorkflowAction action, Map<String, String> problems) {
        action.translations().forEach((language, text) -> {
            if (!Messages.SUPPORTED.contains(language)) {
                problems.putIfAbsent("actions", "automation.action.translation.language");
            } else if (text == null || blank(text.subject())) {
                problems.put(field(index, language, "subject"), "automation.action.translation.incomplete");
            } else if (text.subject().length() > 1000) {
                problems.put(field(index, language, "subject"), "automation.action.translation.too-long");
            } else if (blank(text.body())) {
                problems.put(field(index, language, "body"), "automation.action.translation.incomplete");
            }
        });
    }

    private static String field(int index, Locale language, String part) {
        return WorkflowValidationException.translationField(index, language, part);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isAddress(String address) {
        if (blank(address)) {
            return false;
        }
        try {
            new InternetAddress(address.strip(), true).validate();
            return address.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    /** The zones offered in the settings. */
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<String> timeZones() {
        return ZoneId.getAvailableZoneIds().stream().sorted().toList();
    }
}
