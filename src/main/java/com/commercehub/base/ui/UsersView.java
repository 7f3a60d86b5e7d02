package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/** ADMIN: who may sign in, with which roles. */
@Route("users")
@Menu(order = 90, icon = "vaadin:users", title = "nav.users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Button add = new Button();
    final Button signIns = new Button();
    final Grid<UserSummary> grid = new Grid<>();

    private final UserService users;

    UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        search = new SearchField(getTranslation("users.search"));

        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add.setText(getTranslation("users.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> new UserDialog(users, null, this::refresh).open());

        signIns.setText(getTranslation("signins.title"));
        signIns.setIcon(VaadinIcon.SIGN_IN.create());
        signIns.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SignInLogView.class)));

        Grid.Column<UserSummary> email = grid.addColumn(UserSummary::email).setHeader(getTranslation("users.email"))
                .setAutoWidth(true);
        Grid.Column<UserSummary> name = grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.name"))
                .setAutoWidth(true);
        grid.addColumn(user -> user.roles().stream().map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.roles"));
        grid.addComponentColumn(user -> {
            Span status = new Span(getTranslation(user.enabled() ? "users.enabled" : "users.disabled"));
            status.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge contrast");
            return status;
        }).setHeader(getTranslation("users.status"));
        // A long address would push the name off a phone's first screen: both side by side, wrapping.
        PhoneLayout.nameAndAmountFirst(grid, email, name);
        grid.setItems(query -> users.page(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> users.count(search.getValue()));
        grid.addItemClickListener(e -> new UserDialog(users, e.getItem(), this::refresh).open());
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.setSizeFull();

        add.addClassName("list-primary");
        search.addClassName("list-filter");
        HorizontalLayout toolbar = new HorizontalLayout(search, signIns, add);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.expand(search);
        add(toolbar, grid);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
