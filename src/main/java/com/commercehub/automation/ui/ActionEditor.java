package com.commercehub.automation.ui;

import com.commercehub.automation.WorkflowAction;
import com.commercehub.crm.DealStage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Map;

/** One action of the workflow in the editor; shows the fields its kind needs and keeps the step's key. */
class ActionEditor extends FormLayout {

    final Select<WorkflowAction.Kind> kind = new Select<>();
    final Select<WorkflowAction.Recipient> recipient = new Select<>();
    final TextField fixedAddress = new TextField();
    final Select<WorkflowAction.EmailTemplate> template = new Select<>();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Select<Long> endpoint = new Select<>();
    final Select<DealStage> dealStage = new Select<>();
    final Button remove = new Button(VaadinIcon.TRASH.create());

    private String stepKey;

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
        add(kind, recipient, fixedAddress, template, subject, body, endpoint, dealStage, remove);
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
        subject.setValue(action.subject() == null ? "" : action.subject());
        body.setValue(action.body() == null ? "" : action.body());
        endpoint.setValue(action.endpointId());
        dealStage.setValue(action.dealStage());
        showFields();
    }

    WorkflowAction value() {
        WorkflowAction.Kind k = kind.getValue();
        boolean email = k == WorkflowAction.Kind.EMAIL;
        return new WorkflowAction(stepKey, k, email ? recipient.getValue() : null,
                email && recipient.getValue() == WorkflowAction.Recipient.FIXED ? blankToNull(fixedAddress.getValue()) : null,
                email ? template.getValue() : null,
                email || k == WorkflowAction.Kind.NOTIFY_OWNER ? blankToNull(subject.getValue()) : null,
                email ? blankToNull(body.getValue()) : null,
                k == WorkflowAction.Kind.WEBHOOK ? endpoint.getValue() : null,
                k == WorkflowAction.Kind.SET_DEAL_STAGE ? dealStage.getValue() : null);
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
