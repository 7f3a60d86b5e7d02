package com.commercehub.crm.ui;

import com.commercehub.base.ui.TypedChoice;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.CompanySummary;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.base.ui.SearchField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

import java.util.Locale;
import java.util.Map;

/** The people who receive, sign and pay quotes. */
@Route("contacts")
@Menu(order = 22, icon = "vaadin:user-card", title = "nav.contacts")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class ContactsView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Button add = new Button();
    final Grid<ContactSummary> grid = new Grid<>();
    private final ContactService contacts;
    private final CompanyService companies;
    private final boolean editable;

    ContactsView(ContactService contacts, CompanyService companies, AuthenticationContext authentication) {
        this.contacts = contacts;
        this.companies = companies;
        this.editable = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        setSizeFull();
        search = new SearchField(getTranslation("crm.search"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("crm.contact.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(editable);
        add.addClickListener(e -> new ContactDialog(null).open());
        grid.addColumn(ContactSummary::fullName).setHeader(getTranslation("crm.contact.name")).setFlexGrow(2);
        grid.addColumn(ContactSummary::email).setHeader(getTranslation("crm.contact.email")).setFlexGrow(2);
        grid.addColumn(c -> c.companyName() == null ? "" : c.companyName()).setHeader(getTranslation("crm.company"));
        grid.addColumn(c -> c.preferredLocale() == null ? "" : com.commercehub.base.i18n.Messages.languageName(c.preferredLocale()))
                .setHeader(getTranslation("crm.contact.language"));
        grid.setItems(q -> contacts.page(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> contacts.count(search.getValue()));
        grid.setEmptyStateText(getTranslation("crm.contact.empty"));
        grid.addItemClickListener(e -> {
            if (editable) {
                new ContactDialog(e.getItem()).open();
            }
        });
        add.addClassName("list-primary");
        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.expand(search);
        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.contacts");
    }

    final class ContactDialog extends Dialog {
        final TextField firstName = new TextField(getTranslation("crm.contact.first-name"));
        final TextField lastName = new TextField(getTranslation("crm.contact.last-name"));
        final EmailField email = new EmailField(getTranslation("crm.contact.email"));
        final ComboBox<CompanySummary> company = new ComboBox<>(getTranslation("crm.company"));
        final Select<Locale> language = new Select<>();
        final Button save = new Button(getTranslation("action.save"));

        ContactDialog(ContactSummary existing) {
            setHeaderTitle(getTranslation(existing == null ? "crm.contact.add" : "crm.contact.edit"));
            company.setItems(query -> companies.page(query.getFilter().orElse(""),
                    PageRequest.of(query.getPage(), query.getPageSize())).stream());
            company.setItemLabelGenerator(CompanySummary::name);
            company.setClearButtonVisible(true);
            TypedChoice.pickFirstMatch(company, typed -> companies.page(typed, PageRequest.of(0, 1)).stream().findFirst());
            language.setLabel(getTranslation("crm.contact.language"));
            language.setItems(Messages.SUPPORTED);
            language.setItemLabelGenerator(l -> l == null ? "" : com.commercehub.base.i18n.Messages.languageName(l));
            language.setEmptySelectionAllowed(true);
            if (existing != null) {
                firstName.setValue(existing.firstName());
                lastName.setValue(existing.lastName());
                email.setValue(existing.email());
                if (existing.companyId() != null) {
                    company.setValue(new CompanySummary(existing.companyId(), 0, existing.companyName(), null, null, null));
                }
                language.setValue(existing.preferredLocale());
            }
            add(new FormLayout(firstName, lastName, email, company, language));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> {
                ContactDraft draft = new ContactDraft(firstName.getValue(), lastName.getValue(), email.getValue(),
                        company.getValue() == null ? null : company.getValue().id(), language.getValue());
                try {
                    if (existing == null) {
                        contacts.create(draft);
                    } else {
                        contacts.update(existing.id(), existing.version(), draft);
                    }
                    grid.getDataProvider().refreshAll();
                    close();
                } catch (CrmValidationException problem) {
                    CrmForms.show(this, problem, Map.of("firstName", firstName, "lastName", lastName, "email", email));
                }
            });
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }
    }
}
