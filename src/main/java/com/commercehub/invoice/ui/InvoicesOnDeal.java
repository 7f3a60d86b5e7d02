package com.commercehub.invoice.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.ui.DealPageSection;
import com.commercehub.invoice.InvoiceListEntry;
import com.commercehub.invoice.InvoiceService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The deal page's "Invoices" part: the deal's invoices, and a draft invoice made from the deal's line items and
 * first contact. Contributed through {@link DealPageSection} because crm must not depend on invoices.
 */
@org.springframework.stereotype.Component
class InvoicesOnDeal implements DealPageSection {

    private final InvoiceService invoices;
    private final AuthenticationContext authentication;

    InvoicesOnDeal(InvoiceService invoices, AuthenticationContext authentication) {
        this.invoices = invoices;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(DealDetails deal) {
        return new Panel(deal, authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN));
    }

    /** The section itself; fields are package-visible for UI tests. */
    class Panel extends VerticalLayout {

        final Button create = new Button();
        final Span problem = new Span();
        final Grid<InvoiceListEntry> grid = new Grid<>();

        Panel(DealDetails deal, boolean mayCreate) {
            setPadding(false);
            create.setText(getTranslation("finish13.deal.create-invoice"));
            create.setIcon(VaadinIcon.FILE_TEXT.create());
            create.setVisible(mayCreate);
            create.addClickListener(e -> {
                try {
                    long id = invoices.createFromDeal(deal.id()).id();
                    getUI().ifPresent(ui -> ui.navigate("invoices/" + id));
                } catch (CrmValidationException refused) {
                    problem.setText(getTranslation(refused.problems().getOrDefault("deal", "invoice.deal.no-lines")));
                    problem.setVisible(true);
                }
            });
            problem.addClassName("field-error");
            problem.getElement().setAttribute("role", "alert");
            problem.setVisible(false);
            HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("invoice.nav")), create);
            header.setAlignItems(FlexComponent.Alignment.BASELINE);

            grid.addColumn(i -> i.number() == null ? getTranslation("finish13.deal.invoice-draft") : i.number())
                    .setHeader(getTranslation("finish13.deal.invoice-number")).setKey("number").setAutoWidth(true);
            grid.addColumn(i -> getTranslation(i.status().messageKey())).setKey("status").setAutoWidth(true);
            grid.addColumn(i -> Formats.money(i.total(), getLocale())).setKey("total").setAutoWidth(true);
            grid.addColumn(i -> Formats.date(i.dueDate(), getLocale())).setKey("due").setAutoWidth(true);
            grid.setItems(invoices.ofDeal(deal.id()));
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(getTranslation("finish13.deal.no-invoices"));
            grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("invoices/" + e.getItem().id())));
            add(header, problem, grid);
        }
    }
}
