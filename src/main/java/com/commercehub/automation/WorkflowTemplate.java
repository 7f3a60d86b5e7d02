package com.commercehub.automation;

import com.commercehub.base.i18n.Messages;

import java.util.List;
import java.util.Locale;

/** The ready-made workflows from the seeds, named in the admin's language; created switched off. */
public enum WorkflowTemplate {
    SURVEY_AFTER_PAYMENT, REMIND_OWNER_BEFORE_EXPIRY;

    public String messageKey() {
        return "automation.seed." + name();
    }

    WorkflowDraft draft(Messages messages, Locale locale) {
        return switch (this) {
            case SURVEY_AFTER_PAYMENT -> new WorkflowDraft(messages.get(messageKey(), locale), Trigger.PAYMENT_SUCCEEDED,
                    Conditions.NONE, new Delay(Delay.Kind.AFTER_TRIGGER, 30, Delay.Unit.DAYS),
                    List.of(WorkflowAction.email(WorkflowAction.Recipient.BUYER, null,
                            WorkflowAction.EmailTemplate.SURVEY, null, null)));
            case REMIND_OWNER_BEFORE_EXPIRY -> new WorkflowDraft(messages.get(messageKey(), locale),
                    Trigger.QUOTE_EXPIRING, Conditions.NONE, new Delay(Delay.Kind.BEFORE_DATE, 3, Delay.Unit.DAYS),
                    List.of(WorkflowAction.email(WorkflowAction.Recipient.OWNER, null,
                                    WorkflowAction.EmailTemplate.EXPIRY_REMINDER, null, null),
                            WorkflowAction.notifyOwner(null)));
        };
    }
}
