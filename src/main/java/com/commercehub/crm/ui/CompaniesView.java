package com.commercehub.crm.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.CompanySummary;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The companies deals are made with. */
@Route("companies")
@Menu(order = 21, icon = "vaadin:building", title = "nav.companies")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class CompaniesView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Button add = new Button();
    final Grid<CompanySummary> grid = new Grid<>();
    private final CompanyService companies;
    private final boolean editable;

    CompaniesView(CompanyService companies, AuthenticationContext authentication) {
        this.companies = companies;
        this.editable = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        setSizeFull();
        search = new SearchField(getTranslation("crm.search"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("crm.company.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(editable);
        add.addClickListener(e -> new CompanyDialog(null).open());
        grid.addColumn(CompanySummary::name).setHeader(getTranslation("crm.company.name")).setFlexGrow(2);
        grid.addColumn(c -> c.domain() == null ? "" : c.domain()).setHeader(getTranslation("crm.company.domain"));
        grid.addColumn(c -> c.country() == null ? "" : Locale.of("", c.country()).getDisplayCountry(getLocale()))
                .setHeader(getTranslation("tax.country"));
        grid.setItems(q -> companies.page(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> companies.count(search.getValue()));
        grid.setEmptyStateText(getTranslation("crm.company.empty"));
        grid.addItemClickListener(e -> {
            if (editable) {
                new CompanyDialog(e.getItem()).open();
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
        return getTranslation("nav.companies");
    }

    final class CompanyDialog extends Dialog {
        final TextField name = new TextField(getTranslation("crm.company.name"));
        final TextField domain = new TextField(getTranslation("crm.company.domain"));
        final TextArea address = new TextArea(getTranslation("crm.company.address"));
        final ComboBox<String> country = new ComboBox<>(getTranslation("tax.country"));
        final Button save = new Button(getTranslation("action.save"));

        CompanyDialog(CompanySummary existing) {
            setHeaderTitle(getTranslation(existing == null ? "crm.company.add" : "crm.company.edit"));
            country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
            country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(getLocale()));
            country.setClearButtonVisible(true);
            if (existing != null) {
                name.setValue(existing.name());
                domain.setValue(existing.domain() == null ? "" : existing.domain());
                address.setValue(existing.address() == null ? "" : existing.address());
                country.setValue(existing.country());
            }
            add(new FormLayout(name, domain, address, country));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> {
                CompanyDraft draft = new CompanyDraft(name.getValue(), domain.getValue(), address.getValue(),
                        country.getValue());
                try {
                    if (existing == null) {
                        companies.create(draft);
                    } else {
                        companies.update(existing.id(), existing.version(), draft);
                    }
                    grid.getDataProvider().refreshAll();
                    close();
                } catch (CrmValidationException problem) {
                    CrmForms.show(this, problem, Map.of("name", name));
                }
            });
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }
    }
}
