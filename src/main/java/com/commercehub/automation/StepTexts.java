package com.commercehub.automation;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an e-mail or notification step in the recipient's language: built-in templates from the
 * bundles, custom ones as typed (the recipient's language's translation, else the default text); {@code {{placeholders}}} replaced by the record's fields formatted for that
 * language. The result is plain text: the mail templates escape it, the bell shows it as text.
 */
@Component
class StepTexts {

    static final List<String> PLACEHOLDERS = List.of("customer.name", "customer.email", "record", "amount", "owner",
            "deal", "date", "workflow");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

    record Text(String subject, List<String> paragraphs) {
    }

    private final Messages messages;

    StepTexts(Messages messages) {
        this.messages = messages;
    }

    Text email(WorkflowAction action, WorkflowDetails workflow, RecordSnapshot record, Locale locale) {
        Map<String, String> fields = fields(workflow, record, locale);
        String subject;
        String body;
        if (action.template() == null || action.template() == WorkflowAction.EmailTemplate.CUSTOM) {
            WorkflowAction.EmailText typed = action.customText(locale);
            subject = typed.subject();
            body = typed.body();
        } else {
            // The bundles’ texts are MessageFormat patterns: {0} customer, {1} record, {2} amount, {3} owner,
            // {4} deal, {5} date, {6} workflow — the same fields the typed {{placeholders}} name.
            String key = "automation.template." + action.template().name();
            subject = messages.get(key + ".subject", locale, args(fields));
            body = messages.get(key + ".body", locale, args(fields));
        }
        List<String> paragraphs = Arrays.stream(fill(body == null ? "" : body, fields).split("\\R\\s*\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new Text(fill(subject == null ? workflow.name() : subject, fields), paragraphs);
    }

    String notification(WorkflowAction action, WorkflowDetails workflow, RecordSnapshot record, Locale locale) {
        Map<String, String> fields = fields(workflow, record, locale);
        if (action.subject() == null || action.subject().isBlank()) {
            return messages.get("automation.notification.default", locale, args(fields));
        }
        return fill(action.subject(), fields);
    }

    private static Object[] args(Map<String, String> fields) {
        return PLACEHOLDERS.stream().filter(p -> !p.equals("customer.email")).map(fields::get).toArray();
    }

    String fill(String text, Map<String, String> fields) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<String, String> fields(WorkflowDetails workflow, RecordSnapshot record, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer.name", nullToEmpty(record.buyerName()));
        fields.put("customer.email", nullToEmpty(record.buyerEmail()));
        fields.put("record", nullToEmpty(record.reference()));
        fields.put("amount", record.amount() == null ? "" : Formats.money(record.amount(), locale));
        fields.put("owner", nullToEmpty(record.ownerEmail()));
        fields.put("deal", nullToEmpty(record.dealName()));
        fields.put("date", record.date() == null ? "" : Formats.date(record.date(), locale));
        fields.put("workflow", workflow.name());
        return fields;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
