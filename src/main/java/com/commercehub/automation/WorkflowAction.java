package com.commercehub.automation;

import com.commercehub.crm.DealStage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One step of a workflow. {@code stepKey} is null in a draft of a new step and stays the same while the
 * workflow is edited, so a step that ran for a record never runs for it again.
 *
 * @param endpointId   for {@link Kind#WEBHOOK}: one endpoint, or null for every active endpoint
 * @param translations for a custom e-mail: the subject and body in a language (by language only, {@code de}),
 *                     used instead of {@code subject}/{@code body} for recipients of that language
 */
public record WorkflowAction(String stepKey, Kind kind, Recipient recipient, String fixedAddress,
                             EmailTemplate template, String subject, String body, Long endpointId,
                             DealStage dealStage, Map<Locale, EmailText> translations) {

    /** A custom e-mail's words in one language. */
    public record EmailText(String subject, String body) {
    }

    public WorkflowAction {
        Map<Locale, EmailText> copy = new LinkedHashMap<>();
        if (translations != null) {
            translations.forEach((language, text) -> copy.put(Locale.of(language.getLanguage()), text));
        }
        translations = java.util.Collections.unmodifiableMap(copy);
    }

    public WorkflowAction(String stepKey, Kind kind, Recipient recipient, String fixedAddress, EmailTemplate template,
                          String subject, String body, Long endpointId, DealStage dealStage) {
        this(stepKey, kind, recipient, fixedAddress, template, subject, body, endpointId, dealStage, Map.of());
    }

    /** The custom text for a recipient of {@code locale}: its translation, else the default text typed first. */
    public EmailText customText(Locale locale) {
        EmailText translated = locale == null ? null : translations.get(Locale.of(locale.getLanguage()));
        return translated != null ? translated : new EmailText(subject, body);
    }

    /** An e-mail with the subject and body as typed (the only kind of step that has translations). */
    public boolean customEmail() {
        return kind == Kind.EMAIL && (template == null || template == EmailTemplate.CUSTOM);
    }

    public WorkflowAction withTranslations(Map<Locale, EmailText> texts) {
        return new WorkflowAction(stepKey, kind, recipient, fixedAddress, template, subject, body, endpointId,
                dealStage, texts);
    }

    public enum Kind {
        EMAIL, NOTIFY_OWNER, WEBHOOK, SET_DEAL_STAGE;

        public String messageKey() {
            return "automation.action." + name();
        }
    }

    public enum Recipient {
        BUYER, OWNER, FIXED;

        public String messageKey() {
            return "automation.recipient." + name();
        }
    }

    /** Built-in texts are translated into every language; CUSTOM is the subject and body as typed. */
    public enum EmailTemplate {
        SURVEY, EXPIRY_REMINDER, CUSTOM;

        public String messageKey() {
            return "automation.template." + name();
        }
    }

    public static WorkflowAction email(Recipient recipient, String fixedAddress, EmailTemplate template,
                                       String subject, String body) {
        return new WorkflowAction(null, Kind.EMAIL, recipient, fixedAddress, template, subject, body, null, null);
    }

    public static WorkflowAction notifyOwner(String text) {
        return new WorkflowAction(null, Kind.NOTIFY_OWNER, null, null, null, text, null, null, null);
    }

    public static WorkflowAction webhook(Long endpointId) {
        return new WorkflowAction(null, Kind.WEBHOOK, null, null, null, null, null, endpointId, null);
    }

    public static WorkflowAction dealStage(DealStage stage) {
        return new WorkflowAction(null, Kind.SET_DEAL_STAGE, null, null, null, null, null, null, stage);
    }

    WorkflowAction withStepKey(String key) {
        return new WorkflowAction(key, kind, recipient, fixedAddress, template, subject, body, endpointId, dealStage,
                translations);
    }
}
