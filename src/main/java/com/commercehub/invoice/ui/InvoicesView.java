package com.commercehub.invoice.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.SearchField;
import com.commercehub.invoice.InvoiceListEntry;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.crm.CrmValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** All invoices, newest change first: search by number or buyer, filter by status, open one or start a new one. */
@Route("invoices")
@Menu(order = 7, icon = "vaadin:invoice", title = "invoice.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class InvoicesView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Select<InvoiceStatus> status = new Select<>();
    final Button add = new Button();
    final Grid<InvoiceListEntry> grid = new Grid<>();
    final com.vaadin.flow.component.textfield.IntegerField reminderDays = new com.vaadin.flow.component.textfield.IntegerField();
    final Button saveReminder = new Button();

    InvoicesView(InvoiceService invoices, AuthenticationContext authentication) {
        setSizeFull();
        search = new SearchField(getTranslation("invoice.search"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setLabel(getTranslation("invoice.status"));
        status.setItems(InvoiceStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("invoice.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("list-primary");
        add.setVisible(authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN));
        add.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("invoices/new")));

        grid.addColumn(i -> i.number() == null ? getTranslation("invoice.draft-number") : i.number()).setKey("number")
                .setHeader(getTranslation("invoice.number")).setAutoWidth(true).setFrozen(true);
        // Sized to the buyer names and the header ("Rechnungsempfänger" was cut while the status column had room).
        grid.addColumn(InvoiceListEntry::buyerName).setKey("buyer").setHeader(getTranslation("invoice.bill-to"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(i -> getTranslation(i.status().messageKey())).setKey("status")
                .setHeader(getTranslation("invoice.status")).setAutoWidth(true);
        grid.addColumn(i -> Formats.date(i.dueDate(), getLocale())).setKey("due")
                .setHeader(getTranslation("invoice.due-date")).setAutoWidth(true);
        grid.addColumn(i -> Formats.money(i.total(), getLocale())).setKey("total")
                .setHeader(getTranslation("invoice.total")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        // Number and amount due stay on screen on a phone; the columns between scroll.
        grid.addColumn(this::amountDue).setKey("amountDue")
                .setHeader(getTranslation("invoice.amount-due")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        grid.setItems(q -> invoices.page(search.getValue(), status.getValue(),
                        VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> invoices.count(search.getValue(), status.getValue()));
        grid.setEmptyStateText(getTranslation("invoice.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate("invoices/" + e.getItem().id())));
        grid.setSizeFull();

        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, status, add);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        add(toolbar, grid);
        if (authentication.hasAnyRole(Role.Names.FINANCE, Role.Names.ADMIN)) {
            add(reminderSettings(invoices));
        }
    }

    /** Finance's one invoice setting: when the reminder after the due date goes out. */
    private Component reminderSettings(InvoiceService invoices) {
        reminderDays.setLabel(getTranslation("finish13.invoice.reminder-days"));
        reminderDays.setHelperText(getTranslation("finish13.invoice.reminder-days.help"));
        reminderDays.setMin(1);
        reminderDays.setMax(90);
        reminderDays.setStepButtonsVisible(true);
        // The label is a sentence ("Reminder days after due date"): at the field's default width it was cut.
        reminderDays.setWidth("18rem");
        reminderDays.setMaxWidth("100%");
        reminderDays.setValue(invoices.reminderDaysAfter());
        saveReminder.setText(getTranslation("finish13.invoice.reminder-days.save"));
        saveReminder.addClickListener(e -> {
            try {
                reminderDays.setValue(invoices.changeReminderDaysAfter(reminderDays.getValue()));
                reminderDays.setInvalid(false);
                com.vaadin.flow.component.notification.Notification.show(getTranslation("finish13.invoice.reminder-days.saved"))
                        .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
            } catch (CrmValidationException refused) {
                reminderDays.setErrorMessage(getTranslation(refused.problems().get("reminderDays")));
                reminderDays.setInvalid(true);
            }
        });
        HorizontalLayout settings = new HorizontalLayout(reminderDays, saveReminder);
        settings.setAlignItems(FlexComponent.Alignment.BASELINE);
        settings.setWrap(true);
        settings.addClassName("invoice-reminder-settings");
        return settings;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invoice.nav");
    }

    /**
     * Nothing is due on a void or written-off invoice, whatever was left unpaid: "—" rather than an amount that
     * reads like a debt (a paid one shows 0).
     */
    private String amountDue(InvoiceListEntry invoice) {
        return invoice.status() == InvoiceStatus.VOID || invoice.status() == InvoiceStatus.UNCOLLECTIBLE ? "—"
                : Formats.money(invoice.amountDue(), getLocale());
    }
}
