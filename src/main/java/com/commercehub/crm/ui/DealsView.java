package com.commercehub.crm.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealListEntry;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.base.ui.PhoneLayout;
import com.commercehub.base.ui.SearchField;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** All deals: search, filter by stage, open one, start a new one. */
@Route("deals")
@Menu(order = 5, icon = "vaadin:handshake", title = "nav.deals")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class DealsView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Select<DealStage> stage = new Select<>();
    final Button add = new Button();
    final Grid<DealListEntry> grid = new Grid<>();

    DealsView(DealService deals, CompanyService companies, ContactService contacts, UserService users,
              AuthenticationContext authentication) {
        setSizeFull();
        search = new SearchField(getTranslation("crm.search"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        stage.setLabel(getTranslation("crm.deal.stage"));
        stage.setItems(DealStage.values());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption(getTranslation("filter.all"));
        stage.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all")
                : getTranslation("crm.stage." + s.name().toLowerCase()));
        stage.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("crm.deal.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("list-primary");
        add.setVisible(authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN));
        add.addClickListener(e -> new DealDialog(deals, companies, contacts, users.activeStaff(), Actors.current(),
                null, saved -> open(saved.id())).open());

        var name = grid.addColumn(DealListEntry::name).setHeader(getTranslation("crm.deal.name")).setFlexGrow(2)
                .setWidth("10rem").setFrozen(true);
        grid.addColumn(d -> getTranslation("crm.stage." + d.stage().name().toLowerCase()))
                .setHeader(getTranslation("crm.deal.stage")).setAutoWidth(true);
        grid.addColumn(d -> d.companyName() == null ? "" : d.companyName()).setHeader(getTranslation("crm.company"));
        var amount = grid.addColumn(d -> LineItemCells.split(this, d.split()))
                .setHeader(getTranslation("crm.deal.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFrozenToEnd(true);
        grid.addColumn(d -> d.closeDate() == null ? "" : Formats.date(d.closeDate(), getLocale()))
                .setHeader(getTranslation("crm.deal.close-date")).setAutoWidth(true);
        PhoneLayout.nameAndAmountFirst(grid, name, amount);
        grid.setItems(q -> deals.page(search.getValue(), stage.getValue(),
                        VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> deals.count(search.getValue(), stage.getValue()));
        grid.setEmptyStateText(getTranslation("crm.deal.empty"));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();

        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, stage, add);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        add(toolbar, grid);
    }

    private void open(long dealId) {
        getUI().ifPresent(ui -> ui.navigate(DealView.class, new RouteParameters("id", Long.toString(dealId))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.deals");
    }
}
