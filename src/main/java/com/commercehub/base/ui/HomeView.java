package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The start page: what needs the user now, from the sections features contribute for their role (open quotes,
 * buyer activity, payments). Only when none has anything does it show where to begin, and the empty state.
 */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "nav.home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    final H2 greeting = new H2();
    final UnorderedList nextSteps = new UnorderedList();

    final Div sections = new Div();
    final Div emptyState;

    HomeView(CurrentUser currentUser, org.springframework.beans.factory.ObjectProvider<HomeSection> contributions) {
        addClassName("home-view");
        String name = currentUser.summary().map(user -> user.displayName()).orElse("");
        greeting.setText(getTranslation("home.greeting", name));
        Paragraph intro = new Paragraph(getTranslation("home.intro"));

        if (currentUser.hasRole(Role.ADMIN)) {
            nextSteps.add(new ListItem(getTranslation("home.step.users")));
        }
        if (currentUser.hasRole(Role.SALES)) {
            nextSteps.add(new ListItem(getTranslation("home.step.sales")));
        }
        if (currentUser.hasRole(Role.FINANCE)) {
            nextSteps.add(new ListItem(getTranslation("home.step.finance")));
        }
        emptyState = new Div(VaadinIcon.SHOP.create(), new Paragraph(getTranslation("home.empty")));
        emptyState.addClassName("empty-state");
        sections.addClassName("home-sections");
        sections.setWidthFull();
        contributions.orderedStream().sorted(java.util.Comparator.comparingInt(HomeSection::order))
                .map(HomeSection::create).flatMap(java.util.Optional::stream).forEach(sections::add);
        boolean nothing = sections.getChildren().findAny().isEmpty();
        intro.setVisible(nothing);
        nextSteps.setVisible(nothing);
        emptyState.setVisible(nothing);
        sections.setVisible(!nothing);
        add(greeting, sections, intro, nextSteps, emptyState);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
