package com.commercehub.automation.ui;

import com.commercehub.automation.WorkflowAction;
import com.commercehub.base.i18n.Messages;
import com.commercehub.crm.DealStage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One action of the workflow in the editor; shows the fields its kind needs and keeps the step's key. A custom
 * e-mail's subject and body are edited one language at a time: {@link #textLanguage} picks the default text
 * ({@link Locale#ROOT}) or a translation, and the texts not on screen wait in {@link #texts}.
 */
class ActionEditor extends FormLayout {

    /** The default first, then the translations, each language by its own name; English last as in the issue. */
    static final List<Locale> TEXT_LANGUAGES = Stream.concat(Stream.of(Locale.ROOT),
            Stream.concat(Messages.SUPPORTED.stream().filter(l -> !l.equals(Locale.ENGLISH)), Stream.of(Locale.ENGLISH)))
            .toList();

    final Select<WorkflowAction.Kind> kind = new Select<>();
    final Select<WorkflowAction.Recipient> recipient = new Select<>();
    final TextField fixedAddress = new TextField();
    final Select<WorkflowAction.EmailTemplate> template = new Select<>();
    final Select<Locale> textLanguage = new Select<>();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Select<Long> endpoint = new Select<>();
    final Select<DealStage> dealStage = new Select<>();
    final Button remove = new Button(VaadinIcon.TRASH.create());

    private String stepKey;
    private final Map<Locale, WorkflowAction.EmailText> texts = new LinkedHashMap<>();

    ActionEditor(Map<Long, String> endpoints, Runnable onRemove) {
        addClassName("workflow-action");
        kind.setLabel(getTranslation("automation.action.kind"));
        kind.setItems(WorkflowAction.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.addValueChangeListener(e -> showFields());
        recipient.setLabel(getTranslation("automation.action.recipient"));
        recipient.setItems(WorkflowAction.Recipient.values());
        recipient.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        recipient.addValueChangeListener(e -> showFields());
        fixedAddress.setLabel(getTranslation("automation.action.address"));
        template.setLabel(getTranslation("automation.action.template"));
        template.setItems(WorkflowAction.EmailTemplate.values());
        template.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        template.addValueChangeListener(e -> showFields());
        textLanguage.setLabel(getTranslation("automation.action.text-language"));
        textLanguage.setHelperText(getTranslation("automation.action.text-language.helper"));
        textLanguage.setItems(TEXT_LANGUAGES);
        textLanguage.setItemLabelGenerator(l -> Locale.ROOT.equals(l)
                ? getTranslation("automation.action.text-language.default") : Messages.languageName(l));
        textLanguage.setValue(Locale.ROOT);
        textLanguage.addValueChangeListener(e -> {
            if (e.getOldValue() != null) {
                keepText(e.getOldValue());
            }
            showText(e.getValue() == null ? Locale.ROOT : e.getValue());
        });
        subject.setLabel(getTranslation("automation.action.subject"));
        subject.setMaxLength(1000);
        body.setLabel(getTranslation("automation.action.body"));
        body.setHelperText(getTranslation("automation.action.placeholders",
                "{{customer.name}}, {{record}}, {{amount}}, {{date}}, {{owner}}, {{deal}}, {{workflow}}"));
        endpoint.setLabel(getTranslation("automation.action.endpoint"));
        endpoint.setItems(endpoints.keySet());
        endpoint.setEmptySelectionAllowed(true);
        endpoint.setEmptySelectionCaption(getTranslation("automation.action.endpoint.all"));
        endpoint.setItemLabelGenerator(id -> id == null ? getTranslation("automation.action.endpoint.all")
                : endpoints.getOrDefault(id, "#" + id));
        dealStage.setLabel(getTranslation("automation.action.stage"));
        dealStage.setItems(DealStage.values());
        dealStage.setItemLabelGenerator(s -> s == null ? "" : getTranslation("crm.stage." + s.name().toLowerCase(java.util.Locale.ROOT)));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("automation.action.remove"));
        remove.addClickListener(e -> onRemove.run());
        add(kind, recipient, fixedAddress, template, textLanguage, subject, body, endpoint, dealStage, remove);
        setColspan(body, 2);
        kind.setValue(WorkflowAction.Kind.EMAIL);
        recipient.setValue(WorkflowAction.Recipient.BUYER);
        template.setValue(WorkflowAction.EmailTemplate.CUSTOM);
        showFields();
    }

    void setValue(WorkflowAction action) {
        stepKey = action.stepKey();
        kind.setValue(action.kind());
        recipient.setValue(action.recipient() == null ? WorkflowAction.Recipient.BUYER : action.recipient());
        fixedAddress.setValue(action.fixedAddress() == null ? "" : action.fixedAddress());
        template.setValue(action.template() == null ? WorkflowAction.EmailTemplate.CUSTOM : action.template());
        textLanguage.setValue(Locale.ROOT); // before the texts are replaced: the switch keeps what was on screen
        texts.clear();
        texts.put(Locale.ROOT, new WorkflowAction.EmailText(action.subject(), action.body()));
        texts.putAll(action.translations());
        showText(Locale.ROOT);
        endpoint.setValue(action.endpointId());
        dealStage.setValue(action.dealStage());
        showFields();
    }

    WorkflowAction value() {
        keepText(textLanguage.getValue() == null ? Locale.ROOT : textLanguage.getValue());
        WorkflowAction.Kind k = kind.getValue();
        boolean email = k == WorkflowAction.Kind.EMAIL;
        boolean custom = email && template.getValue() == WorkflowAction.EmailTemplate.CUSTOM;
        WorkflowAction.EmailText typed = texts.getOrDefault(Locale.ROOT, new WorkflowAction.EmailText(null, null));
        // A language left empty is no translation; half a translation goes to the service, which refuses it.
        Map<Locale, WorkflowAction.EmailText> translations = new LinkedHashMap<>();
        if (custom) {
            texts.forEach((language, text) -> {
                String s = blankToNull(text.subject());
                String b = blankToNull(text.body());
                if (!Locale.ROOT.equals(language) && (s != null || b != null)) {
                    translations.put(language, new WorkflowAction.EmailText(s, b));
                }
            });
        }
        return new WorkflowAction(stepKey, k, email ? recipient.getValue() : null,
                email && recipient.getValue() == WorkflowAction.Recipient.FIXED ? blankToNull(fixedAddress.getValue()) : null,
                email ? template.getValue() : null,
                email || k == WorkflowAction.Kind.NOTIFY_OWNER ? blankToNull(typed.subject()) : null,
                email ? blankToNull(typed.body()) : null,
                k == WorkflowAction.Kind.WEBHOOK ? endpoint.getValue() : null,
                k == WorkflowAction.Kind.SET_DEAL_STAGE ? dealStage.getValue() : null, translations);
    }

    /** Shows the service's refusal of one translation's subject or body next to that field, in that language. */
    void showTextProblem(Locale language, String part, String message) {
        textLanguage.setValue(language);
        if ("body".equals(part)) {
            body.setErrorMessage(message);
            body.setInvalid(true);
            return;
        }
        subject.setErrorMessage(message);
        subject.setInvalid(true);
    }

    void clearTextProblems() {
        subject.setInvalid(false);
        body.setInvalid(false);
    }

    private void keepText(Locale language) {
        texts.put(language, new WorkflowAction.EmailText(subject.getValue(), body.getValue()));
    }

    // A translation's empty fields show the default text greyed, so the admin sees what such recipients get.
    private void showText(Locale language) {
        WorkflowAction.EmailText text = texts.get(language);
        subject.setValue(text == null || text.subject() == null ? "" : text.subject());
        body.setValue(text == null || text.body() == null ? "" : text.body());
        WorkflowAction.EmailText fallback = texts.get(Locale.ROOT);
        boolean translation = !Locale.ROOT.equals(language) && fallback != null;
        subject.setPlaceholder(translation && fallback.subject() != null ? fallback.subject() : "");
        body.setPlaceholder(translation && fallback.body() != null ? fallback.body() : "");
        clearTextProblems();
    }

    void setReadOnly(boolean readOnly) {
        kind.setReadOnly(readOnly);
        recipient.setReadOnly(readOnly);
        fixedAddress.setReadOnly(readOnly);
        template.setReadOnly(readOnly);
        subject.setReadOnly(readOnly);
        body.setReadOnly(readOnly);
        endpoint.setReadOnly(readOnly);
        dealStage.setReadOnly(readOnly);
        remove.setVisible(!readOnly);
    }

    private void showFields() {
        WorkflowAction.Kind k = kind.getValue();
        boolean email = k == WorkflowAction.Kind.EMAIL;
        boolean custom = email && template.getValue() == WorkflowAction.EmailTemplate.CUSTOM;
        recipient.setVisible(email);
        fixedAddress.setVisible(email && recipient.getValue() == WorkflowAction.Recipient.FIXED);
        template.setVisible(email);
        textLanguage.setVisible(custom);
        if (!custom && !Locale.ROOT.equals(textLanguage.getValue())) {
            textLanguage.setValue(Locale.ROOT); // a notification's or template's text has no languages
        }
        subject.setVisible(custom || k == WorkflowAction.Kind.NOTIFY_OWNER);
        subject.setLabel(getTranslation(k == WorkflowAction.Kind.NOTIFY_OWNER ? "automation.action.notification-text"
                : "automation.action.subject"));
        body.setVisible(custom);
        endpoint.setVisible(k == WorkflowAction.Kind.WEBHOOK);
        dealStage.setVisible(k == WorkflowAction.Kind.SET_DEAL_STAGE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
