package com.commercehub.quote.ui;

import com.commercehub.base.ui.TypedChoice;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.StaffMember;
import com.commercehub.base.security.UserService;
import com.commercehub.base.ui.SearchField;
import com.commercehub.crm.DealListEntry;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteFilter;
import com.commercehub.quote.QuoteListEntry;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** All quotes: filter by status, owner, deal or nearing expiry; open, copy the link, recall, duplicate. */
@Route("quotes")
@Menu(order = 6, icon = "vaadin:file-text-o", title = "nav.quotes")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class QuotesView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Select<QuoteStatus> status = new Select<>();
    final Select<String> owner = new Select<>();
    final ComboBox<DealListEntry> deal = new ComboBox<>();
    final IntegerField expiringWithin = new IntegerField();
    final Button add = new Button();
    final Grid<QuoteListEntry> grid = new Grid<>();

    private final QuoteService quotes;
    private final BuyerLinkAddress address;
    private final boolean editable;

    QuotesView(QuoteService quotes, DealService deals, UserService users, BuyerLinkAddress address,
               AuthenticationContext authentication) {
        this.quotes = quotes;
        this.address = address;
        this.editable = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        setSizeFull();
        Map<String, String> staffNames = users.activeStaff().stream()
                .collect(Collectors.toMap(StaffMember::email, StaffMember::displayName, (a, b) -> a));

        search = new SearchField(getTranslation("quote.search"));
        search.addValueChangeListener(e -> refresh());
        status.setLabel(getTranslation("quote.status"));
        status.setItems(QuoteStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> refresh());
        owner.setLabel(getTranslation("quote.owner"));
        owner.setItems(staffNames.keySet().stream().sorted().toList());
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption(getTranslation("filter.all"));
        owner.setItemLabelGenerator(email -> email == null ? getTranslation("filter.all")
                : staffNames.getOrDefault(email, email));
        owner.addValueChangeListener(e -> refresh());
        deal.setLabel(getTranslation("quote.deal"));
        deal.setClearButtonVisible(true);
        deal.setItemLabelGenerator(DealListEntry::name);
        deal.setItems(q -> deals.page(q.getFilter().orElse(""), null,
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        TypedChoice.pickFirstMatch(deal, typed -> deals.page(typed, null, PageRequest.of(0, 1)).stream().findFirst());
        deal.addValueChangeListener(e -> refresh());
        expiringWithin.setLabel(getTranslation("quote.expiring-within"));
        expiringWithin.setMin(0);
        expiringWithin.setMax(3650);
        expiringWithin.setClearButtonVisible(true);
        expiringWithin.setValueChangeMode(ValueChangeMode.LAZY);
        expiringWithin.setWidth("11rem");
        expiringWithin.addValueChangeListener(e -> refresh());
        add.setText(getTranslation("quote.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("list-primary");
        add.setVisible(editable);
        add.addClickListener(e -> new NewQuoteDialog(quotes, deals, created -> QuoteActions.open(this, created)).open());

        QuoteColumns.add(grid, this);
        var dealColumn = grid.addColumn(QuoteListEntry::dealName).setHeader(getTranslation("quote.deal")).setFlexGrow(1);
        var ownerColumn = grid.addColumn(q -> staffNames.getOrDefault(q.owner(), q.owner()))
                .setHeader(getTranslation("quote.owner")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("quote.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        List<Grid.Column<QuoteListEntry>> order = new ArrayList<>(grid.getColumns());
        order.removeAll(List.of(dealColumn, ownerColumn));
        order.addAll(order.indexOf(grid.getColumnByKey(QuoteColumns.TITLE)) + 1, List.of(dealColumn, ownerColumn));
        grid.setColumnOrder(order);
        grid.setItems(q -> quotes.page(filter(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> quotes.count(filter()));
        grid.setEmptyStateText(getTranslation("quote.empty"));
        grid.addItemClickListener(e -> QuoteActions.open(this, e.getItem().id()));
        grid.setSizeFull();

        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, status, owner, deal, expiringWithin, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        toolbar.setWrap(true);
        add(toolbar, grid);
    }

    QuoteFilter filter() {
        return new QuoteFilter(search.getValue(), status.getValue(), owner.getValue(),
                deal.getValue() == null ? null : deal.getValue().id(), expiringWithin.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout actions(QuoteListEntry quote) {
        Button open = action(VaadinIcon.EXTERNAL_LINK, "quote.open", () -> QuoteActions.open(this, quote.id()));
        Button copy = action(VaadinIcon.LINK, "quote.link.copy",
                () -> QuoteActions.copyLink(this, quotes, address, quote.id()));
        copy.setEnabled(quote.status().linkLive() || quote.status() == QuoteStatus.EXPIRED);
        Button recall = action(VaadinIcon.ARROW_BACKWARD, "quote.recall",
                () -> QuoteActions.transition(this, () -> quotes.recall(quote.id(), quote.version()))
                        .ifPresent(done -> refresh()));
        recall.setEnabled(quote.status().canMoveTo(QuoteStatus.RECALLED));
        recall.setVisible(editable);
        Button duplicate = action(VaadinIcon.COPY_O, "quote.duplicate",
                () -> QuoteActions.open(this, quotes.duplicate(quote.id()).id()));
        duplicate.setVisible(editable);
        HorizontalLayout actions = new HorizontalLayout(open, copy, recall, duplicate);
        actions.setSpacing(false);
        return actions;
    }

    private Button action(VaadinIcon icon, String key, Runnable run) {
        Button button = new Button(icon.create(), e -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(getTranslation(key));
        button.setTooltipText(getTranslation(key));
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quotes");
    }
}
