package com.commercehub.subscription.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.ui.SearchField;
import com.commercehub.base.ui.PhoneLayout;
import com.commercehub.subscription.SubscriptionFilter;
import com.commercehub.subscription.SubscriptionListEntry;
import com.commercehub.subscription.SubscriptionService;
import com.commercehub.subscription.SubscriptionState;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

/** All subscriptions sold: state, buyer, items, amount per interval, next billing date and MRR; filter and search. */
@Route("subscriptions")
@Menu(order = 9, icon = "vaadin:refresh", title = "subscription.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class SubscriptionsView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Select<SubscriptionState> state = new Select<>();
    final Grid<SubscriptionListEntry> grid = new Grid<>();

    private final SubscriptionService subscriptions;

    SubscriptionsView(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        setSizeFull();
        search = new SearchField(getTranslation("subscription.search"));
        search.addValueChangeListener(e -> refresh());
        state.setLabel(getTranslation("subscription.column.state"));
        state.setItems(SubscriptionState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("filter.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : getTranslation(s.messageKey()));
        state.addValueChangeListener(e -> refresh());

        grid.addComponentColumn(s -> SubscriptionTexts.badge(this, s.state())).setKey("state")
                .setHeader(getTranslation("subscription.column.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SubscriptionListEntry::buyerName).setKey("buyer").setHeader(getTranslation("subscription.column.buyer"))
                .setAutoWidth(true);
        grid.addColumn(SubscriptionListEntry::companyName).setKey("company")
                .setHeader(getTranslation("subscription.column.company")).setAutoWidth(true).setFlexGrow(0);
        // The items take the room the sized columns leave (they were cut to "1 × Photo…" beside an empty company).
        grid.addColumn(SubscriptionListEntry::items).setKey("items").setHeader(getTranslation("subscription.column.items"))
                .setWidth("12rem").setFlexGrow(1);
        grid.addColumn(s -> SubscriptionTexts.perInterval(this, s)).setKey("amount")
                .setHeader(getTranslation("subscription.column.amount")).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> SubscriptionTexts.date(this, s.nextBillingAt())).setKey("next")
                .setHeader(getTranslation("subscription.column.next")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> SubscriptionTexts.money(this, s.monthlyRecurringRevenue())).setKey("mrr")
                .setHeader(getTranslation("subscription.column.mrr")).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        PhoneLayout.nameAndAmountFirst(grid, grid.getColumnByKey("buyer"), grid.getColumnByKey("amount"));
        grid.setItems(q -> subscriptions.page(filter(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) subscriptions.count(filter()));
        grid.setEmptyStateText(getTranslation("subscription.empty"));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();

        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, state);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        add(toolbar, grid);
    }

    SubscriptionFilter filter() {
        return new SubscriptionFilter(search.getValue(), state.getValue());
    }

    void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(SubscriptionView.class, new RouteParameters("id", Long.toString(id))));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("subscription.nav");
    }
}
