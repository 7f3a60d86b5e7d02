package com.commercehub.automation.ui;

import com.commercehub.automation.AutomationSettings;
import com.commercehub.automation.WorkflowListEntry;
import com.commercehub.automation.WorkflowService;
import com.commercehub.automation.WorkflowTemplate;
import com.commercehub.automation.WorkflowValidationException;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Map;

/**
 * Automation: every workflow with its trigger, whether it is on, and how many steps wait or ran. Admins start
 * a new one, or one of the two ready templates, and set the business's time zone and send hour.
 */
@Route("automation")
@Menu(order = 40, icon = "vaadin:flash", title = "automation.nav")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SALES, Role.Names.FINANCE})
public class WorkflowsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<WorkflowListEntry> grid = new Grid<>();
    final Button create = new Button();
    final Select<WorkflowTemplate> template = new Select<>();
    final ComboBox<String> timeZone = new ComboBox<>();
    final IntegerField sendHour = new IntegerField();
    final Button saveSettings = new Button();

    private final WorkflowService workflows;

    WorkflowsView(WorkflowService workflows, CurrentUser currentUser) {
        this.workflows = workflows;
        setSizeFull();
        boolean admin = currentUser.hasRole(Role.ADMIN);

        grid.addColumn(WorkflowListEntry::name).setHeader(getTranslation("automation.column.name")).setFlexGrow(2);
        grid.addColumn(w -> getTranslation(w.trigger().messageKey())).setHeader(getTranslation("automation.column.trigger"))
                .setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.active() ? "automation.state.on" : "automation.state.off")).setKey("active")
                .setHeader(getTranslation("automation.column.state")).setAutoWidth(true);
        grid.addColumn(WorkflowListEntry::pending).setHeader(getTranslation("automation.column.pending"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(WorkflowListEntry::done).setHeader(getTranslation("automation.column.done"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(q -> workflows.page(q.getOffset(), q.getLimit()).stream(), q -> (int) workflows.count());
        grid.setEmptyStateText(getTranslation("automation.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("automation/" + e.getItem().id())));
        grid.setSizeFull();

        create.setText(getTranslation("automation.new"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("list-primary");
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("automation/new")));
        template.setPlaceholder(getTranslation("automation.from-template"));
        template.setAriaLabel(getTranslation("automation.from-template"));
        // Wide enough for the placeholder in German and Polish, never wider than a phone.
        template.setWidth("min(22em, 100%)");
        template.setItems(WorkflowTemplate.values());
        template.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        template.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fromTemplate(e.getValue());
            }
        });
        HorizontalLayout actions = new HorizontalLayout(create, template);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setVisible(admin);

        add(new H2(getTranslation("automation.heading")), actions, grid);
        if (admin) {
            add(settings(workflows.settings()));
        }
    }

    void fromTemplate(WorkflowTemplate chosen) {
        long id = workflows.createFromTemplate(chosen, getLocale()).id();
        getUI().ifPresent(ui -> ui.navigate("automation/" + id));
    }

    private Details settings(AutomationSettings current) {
        timeZone.setLabel(getTranslation("automation.settings.zone"));
        timeZone.setItems(workflows.timeZones());
        timeZone.setValue(current.timeZone().getId());
        sendHour.setLabel(getTranslation("automation.settings.hour"));
        sendHour.setHelperText(getTranslation("automation.settings.hour.help"));
        sendHour.setMin(0);
        sendHour.setMax(23);
        sendHour.setStepButtonsVisible(true);
        sendHour.setValue(current.sendHour());
        saveSettings.setText(getTranslation("automation.settings.save"));
        saveSettings.addClickListener(e -> saveSettings());
        HorizontalLayout row = new HorizontalLayout(timeZone, sendHour, saveSettings);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Details details = new Details(getTranslation("automation.settings.heading"), row);
        details.setWidthFull();
        return details;
    }

    void saveSettings() {
        if (timeZone.getValue() == null || sendHour.getValue() == null) {
            sendHour.setErrorMessage(getTranslation("automation.settings.hour.invalid"));
            sendHour.setInvalid(sendHour.getValue() == null);
            timeZone.setInvalid(timeZone.getValue() == null);
            return;
        }
        try {
            AutomationSettings before = workflows.settings();
            workflows.updateSettings(new AutomationSettings(ZoneId.of(timeZone.getValue()), sendHour.getValue(),
                    before.allowPrivateWebhooks()));
            sendHour.setInvalid(false);
            Notification.show(getTranslation("automation.settings.saved"), 3000, Notification.Position.BOTTOM_START);
        } catch (WorkflowValidationException refused) {
            Problems.show(refused, Map.of("sendHour", sendHour), this::getTranslation);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("automation.heading");
    }
}
