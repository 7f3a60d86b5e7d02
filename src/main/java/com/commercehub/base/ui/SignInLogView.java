package com.commercehub.base.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.SignInEntry;
import com.commercehub.base.security.SignInLog;
import com.commercehub.base.security.SignInOutcome;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** ADMIN: every sign-in attempt, newest first (reached from the users list). */
@Route("users/sign-ins")
@RolesAllowed(Role.Names.ADMIN)
public class SignInLogView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Grid<SignInEntry> grid = new Grid<>();

    SignInLogView(SignInLog log) {
        setSizeFull();
        search = new SearchField(getTranslation("signins.search"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("signins.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SignInEntry::email).setHeader(getTranslation("signins.email")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(SignInEntry::clientAddress).setHeader(getTranslation("signins.address")).setAutoWidth(true)
                .setFlexGrow(0);
        // The outcome badge keeps its full width; the e-mail column gives way.
        grid.addComponentColumn(e -> outcome(e.outcome())).setHeader(getTranslation("signins.outcome"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> log.page(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> log.count(search.getValue()));
        grid.setEmptyStateText(getTranslation("signins.empty"));
        grid.setSizeFull();
        search.setWidthFull();
        add(search, grid);
    }

    private Span outcome(SignInOutcome outcome) {
        Span badge = new Span(getTranslation("signins.outcome." + outcome.name()));
        badge.getElement().getThemeList().add(switch (outcome) {
            case SUCCEEDED, PASSWORD_CHANGED -> "badge success";
            case FAILED, DISABLED -> "badge contrast";
            case LOCKED -> "badge error";
        });
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signins.title");
    }
}
