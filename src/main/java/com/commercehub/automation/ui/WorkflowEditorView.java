package com.commercehub.automation.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.automation.Conditions;
import com.commercehub.automation.Delay;
import com.commercehub.automation.DryRunEntry;
import com.commercehub.automation.Trigger;
import com.commercehub.automation.WebhookEndpointService;
import com.commercehub.automation.WorkflowAction;
import com.commercehub.automation.WorkflowDetails;
import com.commercehub.automation.WorkflowDraft;
import com.commercehub.automation.WorkflowService;
import com.commercehub.automation.WorkflowValidationException;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.StaffMember;
import com.commercehub.base.security.UserService;
import com.commercehub.base.ui.CurrentUser;
import com.commercehub.crm.DealStage;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One workflow (`automation/new` or `automation/<id>`): trigger, conditions, delay and actions; Save, switch on
 * or off (optionally enrolling the existing records), and the dry run listing the records it would enrol and
 * when each step would run. Read-only for everyone but admins.
 */
@Route("automation/:id")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SALES, Role.Names.FINANCE})
public class WorkflowEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    record ProductChoice(long id, String name) {
    }

    final Span state = new Span();
    final TextField name = new TextField();
    final Select<Trigger> trigger = new Select<>();
    final BigDecimalField minAmount = new BigDecimalField();
    final BigDecimalField maxAmount = new BigDecimalField();
    final CurrencyField currency = new CurrencyField();
    final ComboBox<ProductChoice> product = new ComboBox<>();
    final ComboBox<String> owner = new ComboBox<>();
    final Select<DealStage> dealStage = new Select<>();
    final Select<Delay.Kind> delayKind = new Select<>();
    final IntegerField delayAmount = new IntegerField();
    final Select<Delay.Unit> delayUnit = new Select<>();
    final VerticalLayout actions = new VerticalLayout();
    final List<ActionEditor> actionEditors = new ArrayList<>();
    final Button addAction = new Button();
    final Button save = new Button();
    final Button activate = new Button();
    final Checkbox enrolExisting = new Checkbox();
    final Button dryRun = new Button();
    final Button delete = new Button();
    final Paragraph actionsError = new Paragraph();
    final Span dryRunSummary = new Span();
    final Grid<DryRunEntry> dryRunGrid = new Grid<>();

    private final WorkflowService workflows;
    private final ProductService products;
    private final boolean admin;
    private final Map<Long, String> endpoints = new LinkedHashMap<>();
    private WorkflowDetails current;

    WorkflowEditorView(WorkflowService workflows, ProductService products, UserService users,
                       WebhookEndpointService webhooks, CurrentUser currentUser) {
        this.workflows = workflows;
        this.products = products;
        this.admin = currentUser.hasRole(Role.ADMIN);
        if (admin) {
            webhooks.endpoints().forEach(e -> endpoints.put(e.id(), e.name()));
        }
        name.setLabel(getTranslation("automation.field.name"));
        name.setMaxLength(200);
        name.setRequired(true);
        trigger.setLabel(getTranslation("automation.field.trigger"));
        trigger.setItems(workflows.availableTriggers());
        trigger.setItemLabelGenerator(t -> t == null ? "" : getTranslation(t.messageKey()));

        minAmount.setLabel(getTranslation("automation.field.min-amount"));
        maxAmount.setLabel(getTranslation("automation.field.max-amount"));
        currency.setLabel(getTranslation("automation.field.currency"));
        currency.setAllCurrencies();
        currency.setClearButtonVisible(true);
        product.setLabel(getTranslation("automation.field.product"));
        product.setItems(q -> products.page(new ProductFilter(q.getFilter().orElse(""), null, null, ProductFilter.Status.ALL),
                        VaadinSpringDataHelpers.toSpringPageRequest(q)).stream()
                .map(p -> new ProductChoice(p.id(), p.name())));
        product.setItemLabelGenerator(ProductChoice::name);
        product.setClearButtonVisible(true);
        owner.setLabel(getTranslation("automation.field.owner"));
        owner.setItems(users.activeStaff().stream().map(StaffMember::email).toList());
        owner.setClearButtonVisible(true);
        dealStage.setLabel(getTranslation("automation.field.deal-stage"));
        dealStage.setItems(DealStage.values());
        dealStage.setEmptySelectionAllowed(true);
        dealStage.setEmptySelectionCaption(getTranslation("automation.field.any"));
        dealStage.setItemLabelGenerator(s -> s == null ? getTranslation("automation.field.any")
                : getTranslation("crm.stage." + s.name().toLowerCase(java.util.Locale.ROOT)));

        delayKind.setLabel(getTranslation("automation.field.delay"));
        delayKind.setItems(Delay.Kind.values());
        delayKind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        delayKind.addValueChangeListener(e -> showDelay());
        delayAmount.setLabel(getTranslation("automation.field.delay-amount"));
        delayAmount.setMin(0);
        delayAmount.setMax(Delay.MAX_AMOUNT);
        delayUnit.setLabel(getTranslation("automation.field.delay-unit"));
        delayUnit.setItems(Delay.Unit.values());
        delayUnit.setItemLabelGenerator(u -> getTranslation(u.messageKey()));

        addAction.setText(getTranslation("automation.action.add"));
        addAction.addClickListener(e -> addActionEditor(WorkflowAction.email(WorkflowAction.Recipient.BUYER, null,
                WorkflowAction.EmailTemplate.CUSTOM, null, null)));
        actions.setPadding(false);
        actionsError.addClassName("error-text");
        actionsError.getStyle().set("color", "var(--lumo-error-text-color)");
        actionsError.setVisible(false);

        save.setText(getTranslation("automation.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        activate.addClickListener(e -> toggleActive());
        enrolExisting.setLabel(getTranslation("automation.enrol-existing"));
        dryRun.setText(getTranslation("automation.dry-run"));
        dryRun.addClickListener(e -> dryRun());
        delete.setText(getTranslation("automation.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> delete());

        dryRunGrid.addColumn(d -> getTranslation("automation.record." + d.type().name()) + " " + d.reference())
                .setHeader(getTranslation("automation.dry-run.record")).setAutoWidth(true);
        dryRunGrid.addColumn(d -> d.customer() == null ? "" : d.customer())
                .setHeader(getTranslation("automation.dry-run.customer")).setAutoWidth(true);
        dryRunGrid.addColumn(d -> d.atOnce() ? getTranslation("automation.dry-run.at-once")
                        : Formats.dateTime(d.dueAt(), zone(), getLocale()))
                .setKey("due").setHeader(getTranslation("automation.dry-run.due")).setAutoWidth(true);
        dryRunGrid.setAllRowsVisible(true);
        dryRunGrid.setVisible(false);

        FormLayout when = new FormLayout(name, trigger, delayKind, delayAmount, delayUnit);
        FormLayout conditions = new FormLayout(minAmount, maxAmount, currency, product, owner, dealStage);
        HorizontalLayout buttons = new HorizontalLayout(save, activate, enrolExisting, dryRun, delete);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.setVisible(admin);
        addAction.setVisible(admin);
        add(new HorizontalLayout(new H2(getTranslation("automation.editor.heading")), state), when,
                new H3(getTranslation("automation.conditions")), conditions,
                new H3(getTranslation("automation.actions")), actions, actionsError, addAction, buttons,
                dryRunSummary, dryRunGrid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("new");
        if ("new".equals(id)) {
            if (!admin) {
                event.forwardTo(WorkflowsView.class);
                return;
            }
            show(null);
            return;
        }
        try {
            workflows.get(Long.parseLong(id)).ifPresentOrElse(this::show, () -> event.forwardTo(WorkflowsView.class));
        } catch (NumberFormatException e) {
            event.forwardTo(WorkflowsView.class);
        }
    }

    void show(WorkflowDetails workflow) {
        current = workflow;
        actions.removeAll();
        actionEditors.clear();
        if (workflow == null) {
            name.clear();
            trigger.setValue(null);
            delayKind.setValue(Delay.Kind.NONE);
            delayAmount.setValue(0);
            delayUnit.setValue(Delay.Unit.DAYS);
            addActionEditor(WorkflowAction.email(WorkflowAction.Recipient.BUYER, null, WorkflowAction.EmailTemplate.CUSTOM,
                    null, null));
        } else {
            name.setValue(workflow.name());
            trigger.setValue(workflow.trigger());
            Conditions c = workflow.conditions();
            minAmount.setValue(c.minAmount());
            maxAmount.setValue(c.maxAmount());
            currency.setValue(c.currency() == null ? null : c.currency().getCurrencyCode());
            product.setValue(c.productId() == null ? null : new ProductChoice(c.productId(), products.get(c.productId()).name()));
            owner.setValue(c.owner());
            dealStage.setValue(c.dealStage());
            delayKind.setValue(workflow.delay().kind());
            delayAmount.setValue(workflow.delay().amount());
            delayUnit.setValue(workflow.delay().unit());
            workflow.actions().forEach(this::addActionEditor);
        }
        showState();
        showDelay();
        name.setReadOnly(!admin);
        minAmount.setReadOnly(!admin);
        maxAmount.setReadOnly(!admin);
        delayAmount.setReadOnly(!admin);
        trigger.setReadOnly(!admin);
        currency.setReadOnly(!admin);
        product.setReadOnly(!admin);
        owner.setReadOnly(!admin);
        dealStage.setReadOnly(!admin);
        delayKind.setReadOnly(!admin);
        delayUnit.setReadOnly(!admin);
        actionEditors.forEach(a -> a.setReadOnly(!admin));
    }

    private void addActionEditor(WorkflowAction action) {
        ActionEditor[] holder = new ActionEditor[1];
        holder[0] = new ActionEditor(endpoints, () -> {
            actions.remove(holder[0]);
            actionEditors.remove(holder[0]);
        });
        holder[0].setValue(action);
        actionEditors.add(holder[0]);
        actions.add(holder[0]);
    }

    WorkflowDraft draft() {
        String code = currency.getValue();
        Conditions conditions = new Conditions(minAmount.getValue(), maxAmount.getValue(),
                code == null ? null : Currency.getInstance(code),
                product.getValue() == null ? null : product.getValue().id(), owner.getValue(), dealStage.getValue());
        Delay delay = new Delay(delayKind.getValue(), delayAmount.getValue() == null ? -1 : delayAmount.getValue(),
                delayUnit.getValue());
        return new WorkflowDraft(name.getValue(), trigger.getValue(), conditions, delay,
                actionEditors.stream().map(ActionEditor::value).toList());
    }

    void save() {
        try {
            WorkflowDraft draft = draft();
            WorkflowDetails saved = current == null ? workflows.create(draft)
                    : workflows.update(current.id(), current.version(), draft);
            clearProblems();
            Notification.show(getTranslation("automation.saved"), 3000, Notification.Position.BOTTOM_START);
            if (current == null) {
                getUI().ifPresent(ui -> ui.navigate("automation/" + saved.id()));
            }
            show(saved);
        } catch (WorkflowValidationException refused) {
            showProblems(refused);
        } catch (OptimisticLockingFailureException stale) {
            error(getTranslation("automation.stale"));
        }
    }

    void toggleActive() {
        if (current == null) {
            save();
            if (current == null) {
                return;
            }
        }
        try {
            show(workflows.setActive(current.id(), current.version(), !current.active(), enrolExisting.getValue()));
            Notification.show(getTranslation(current.active() ? "automation.activated" : "automation.deactivated"),
                    3000, Notification.Position.BOTTOM_START);
        } catch (OptimisticLockingFailureException stale) {
            error(getTranslation("automation.stale"));
        }
    }

    void dryRun() {
        try {
            List<DryRunEntry> entries = workflows.dryRun(draft());
            clearProblems();
            dryRunGrid.setItems(entries);
            dryRunGrid.setVisible(!entries.isEmpty());
            dryRunSummary.setText(entries.isEmpty() ? getTranslation("automation.dry-run.none")
                    : getTranslation("automation.dry-run.summary", entries.size()));
        } catch (WorkflowValidationException refused) {
            showProblems(refused);
        }
    }

    void delete() {
        if (current != null) {
            workflows.delete(current.id());
        }
        getUI().ifPresent(ui -> ui.navigate(WorkflowsView.class));
    }

    private void showState() {
        boolean on = current != null && current.active();
        state.setText(getTranslation(on ? "automation.state.on" : "automation.state.off"));
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
        activate.setText(getTranslation(on ? "automation.deactivate" : "automation.activate"));
        enrolExisting.setVisible(!on);
        delete.setVisible(current != null);
    }

    private void showDelay() {
        boolean timed = delayKind.getValue() != null && delayKind.getValue() != Delay.Kind.NONE;
        delayAmount.setVisible(timed);
        delayUnit.setVisible(timed);
    }

    private ZoneId zone() {
        return workflows.settings().timeZone();
    }

    private void clearProblems() {
        fields().values().forEach(f -> f.setInvalid(false));
        actionEditors.forEach(ActionEditor::clearTextProblems);
        actionsError.setVisible(false);
    }

    private void showProblems(WorkflowValidationException refused) {
        actionsError.setVisible(false);
        actionEditors.forEach(ActionEditor::clearTextProblems);
        // A translation's problem is named action.<index>.<language>.<subject|body>: shown in that action's editor.
        Map<String, String> others = new LinkedHashMap<>();
        refused.problems().forEach((field, key) -> {
            String[] parts = field.split("\\.");
            if (parts.length == 4 && parts[0].equals("action") && parts[1].chars().allMatch(Character::isDigit)
                    && Integer.parseInt(parts[1]) < actionEditors.size()) {
                actionEditors.get(Integer.parseInt(parts[1]))
                        .showTextProblem(Locale.of(parts[2]), parts[3], getTranslation(key));
            } else {
                others.put(field, key);
            }
        });
        String rest = Problems.show(new WorkflowValidationException(others), fields(), this::getTranslation);
        if (refused.problems().containsKey("actions")) {
            actionsError.setText(getTranslation(refused.problems().get("actions")));
            actionsError.setVisible(true);
        } else if (!rest.isEmpty()) {
            error(rest);
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("trigger", trigger);
        fields.put("delay", delayAmount);
        fields.put("maxAmount", maxAmount);
        return fields;
    }

    private void error(String text) {
        Notification.show(text, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("automation.editor.heading");
    }
}
