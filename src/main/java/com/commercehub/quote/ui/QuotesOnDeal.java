package com.commercehub.quote.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.ui.DealPageSection;
import com.commercehub.quote.QuoteListEntry;
import com.commercehub.quote.QuoteService;
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

/** The deal page's "Quotes" part: the deal's quotes, and creating one from the deal's line items. */
@org.springframework.stereotype.Component
class QuotesOnDeal implements DealPageSection {

    private final QuoteService quotes;
    private final AuthenticationContext authentication;

    QuotesOnDeal(QuoteService quotes, AuthenticationContext authentication) {
        this.quotes = quotes;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(DealDetails deal) {
        return new Panel(deal, authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN));
    }

    /** The section itself; fields are package-visible for UI tests. */
    class Panel extends VerticalLayout {

        final Button create = new Button();
        final Span problem = new Span();
        final Grid<QuoteListEntry> grid = new Grid<>();

        Panel(DealDetails deal, boolean mayCreate) {
            setPadding(false);
            create.setText(getTranslation("quote.create"));
            create.setIcon(VaadinIcon.FILE_ADD.create());
            create.setVisible(mayCreate);
            create.addClickListener(e -> {
                try {
                    QuoteActions.open(this, quotes.createFromDeal(deal.id()).id());
                } catch (CrmValidationException refused) {
                    problem.setText(getTranslation(refused.problems().getOrDefault("deal", "quote.deal.no-lines")));
                    problem.setVisible(true);
                }
            });
            problem.addClassName("field-error");
            problem.getElement().setAttribute("role", "alert");
            problem.setVisible(false);
            HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("nav.quotes")), create);
            header.setAlignItems(FlexComponent.Alignment.BASELINE);

            QuoteColumns.add(grid, this);
            grid.setItems(quotes.ofDeal(deal.id()));
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(getTranslation("quote.deal.none"));
            grid.addItemClickListener(e -> QuoteActions.open(this, e.getItem().id()));
            add(header, problem, grid);
        }
    }
}
