package com.commercehub.crm.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.DealService;
import com.commercehub.product.ProductService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One deal: who, where it stands, and its line items picked from the library or typed in. */
@Route("deals/:id")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class DealView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Span stage = new Span();
    final Span summary = new Span();
    final Span amount = new Span();
    final Button edit = new Button();
    final LineItemPicker picker;
    final Grid<LineItemDetails> lines = new Grid<>();

    private final DealService deals;
    private final CompanyService companies;
    private final ContactService contacts;
    private final UserService users;
    private final boolean editable;
    private final List<DealPageSection> sectionSources;
    private final VerticalLayout sections = new VerticalLayout();
    private DealDetails deal;

    DealView(DealService deals, CompanyService companies, ContactService contacts, ProductService products,
             UserService users, AuthenticationContext authentication, List<DealPageSection> sectionSources) {
        this.deals = deals;
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.editable = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        this.sectionSources = sectionSources.stream().sorted(Comparator.comparingInt(DealPageSection::order)).toList();
        sections.setPadding(false);
        lines.setAllRowsVisible(true);

        stage.getElement().getThemeList().add("badge");
        edit.setText(getTranslation("crm.deal.edit"));
        edit.setIcon(VaadinIcon.EDIT.create());
        edit.setVisible(editable);
        edit.addClickListener(e -> new DealDialog(deals, companies, contacts, users.activeStaff(), Actors.current(),
                deal, this::show).open());
        HorizontalLayout header = new HorizontalLayout(title, stage, edit);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        picker = new LineItemPicker(products, (productId, amount) -> change(
                () -> deals.addProduct(deal.id(), deal.version(), productId, amount)),
                draft -> apply(() -> deals.addLine(deal.id(), deal.version(), draft)));
        picker.setVisible(editable);

        lines.addComponentColumn(line -> LineItemCells.name(this, line)).setKey("name")
                .setHeader(getTranslation("product.name")).setWidth("13rem").setFlexGrow(1).setFrozen(true);
        lines.addColumn(l -> Formats.number(l.quantity(), getLocale())).setHeader(getTranslation("crm.line.quantity"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(l -> Formats.money(l.unitPrice(), getLocale())).setHeader(getTranslation("product.price"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(line -> LineItemTexts.discount(line, getLocale())).setHeader(getTranslation("crm.line.discount"))
                .setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(l -> Formats.money(l.net(), getLocale())).setHeader(getTranslation("crm.deal.amount"))
                .setKey("net").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        if (editable) {
            lines.addComponentColumn(line -> {
                Button change = new Button(VaadinIcon.EDIT.create(), e -> new LineDialog(line, draft -> apply(
                        () -> deals.updateLine(deal.id(), deal.version(), line.index(), draft))).open());
                change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                change.setAriaLabel(getTranslation("crm.line.edit"));
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> change(
                        () -> deals.removeLine(deal.id(), deal.version(), line.index())));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("crm.line.remove"));
                return new HorizontalLayout(change, remove);
            }).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        lines.setEmptyStateText(getTranslation("crm.line.empty"));
        amount.addClassName("deal-amount");
        add(header, summary, new H3(getTranslation("crm.deal.lines")), picker, lines, amount, sections);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show(deals.get(id));
        } catch (NumberFormatException | OptimisticLockingFailureException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void show(DealDetails details) {
        deal = details;
        title.setText(details.name());
        stage.setText(getTranslation("crm.stage." + details.stage().name().toLowerCase()));
        String who = details.contacts().stream().map(ContactSummary::fullName).collect(Collectors.joining(", "));
        summary.setText(String.join(" · ", java.util.stream.Stream.of(
                        details.company() == null ? null : details.company().name(), who.isEmpty() ? null : who,
                        details.closeDate() == null ? null
                                : getTranslation("crm.deal.closes", Formats.date(details.closeDate(), getLocale())))
                .filter(java.util.Objects::nonNull).toList()));
        // One-time and recurring money apart; their sum only as the first payment.
        var split = details.split();
        amount.setText(split.recurring().isEmpty()
                ? getTranslation("crm.deal.total", Formats.money(split.oneTime(), getLocale()))
                : getTranslation("builder.deal.total", LineItemCells.split(this, split),
                Formats.money(split.firstPayment(), getLocale())));
        lines.setItems(details.lines());
        sections.removeAll();
        sectionSources.forEach(source -> sections.add(source.create(details)));
        picker.offer(details.currency());
    }

    /** Applies a change made in a dialog; its problems go back to the dialog. */
    private boolean apply(Supplier<DealDetails> action) {
        show(action.get());
        return true;
    }

    /** Applies a change made in the view; problems show next to the picker. */
    private boolean change(Supplier<DealDetails> action) {
        try {
            show(action.get());
            return true;
        } catch (CrmValidationException problem) {
            CrmForms.show(this, problem, Map.of("product", picker.product, "quantity", picker.quantity));
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return deal == null ? getTranslation("nav.deals") : deal.name();
    }
}
