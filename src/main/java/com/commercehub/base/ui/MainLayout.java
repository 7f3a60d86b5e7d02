package com.commercehub.base.ui;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;

/**
 * The staff shell: navigation built from the views the signed-in user may open, the sandbox badge,
 * and the user menu with language and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNav navigation = new SideNav();
    final Span sandboxBadge = new Span();
    final MenuBar userMenu = new MenuBar();
    private final Span viewTitle = new Span();

    private final CurrentUser currentUser;
    private final UserService userService;

    MainLayout(CurrentUser currentUser, UserService userService, PaymentProcessorMode processorMode,
               org.springframework.beans.factory.ObjectProvider<HeaderItem> headerItems) {
        this.currentUser = currentUser;
        this.userService = userService;
        setPrimarySection(Section.DRAWER);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        VerticalLayout drawer = new VerticalLayout(appName, new Scroller(navigation));
        drawer.setPadding(true);
        drawer.setSpacing(true);
        addToDrawer(drawer);

        sandboxBadge.setText(getTranslation("sandbox.badge"));
        sandboxBadge.getElement().getThemeList().add("badge contrast pill");
        sandboxBadge.addClassName("sandbox-badge");
        // Phones show this short form (see the stylesheet): the full sentence would run off the header.
        sandboxBadge.getElement().setAttribute("data-short", getTranslation("builder.sandbox.short"));
        sandboxBadge.getElement().setAttribute("title", getTranslation("sandbox.badge"));
        sandboxBadge.setVisible(processorMode.isSandbox());

        viewTitle.addClassName("view-title");
        buildUserMenu();
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), viewTitle, sandboxBadge, userMenu);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        headerItems.orderedStream().forEach(item -> header.addComponentAtIndex(header.indexOf(userMenu), item.create()));
        header.expand(viewTitle);
        header.addClassName("app-header");
        addToNavbar(header);
        buildNavigation();
    }

    private void buildNavigation() {
        // MenuConfiguration lists only routes the current user may open.
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            navigation.addItem(item);
        }
    }

    private void buildUserMenu() {
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("user-menu");
        String name = currentUser.summary().map(user -> user.displayName()).orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span userName = new Span(name);
        userName.addClassName("user-name");
        HorizontalLayout trigger = new HorizontalLayout(avatar, userName);
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        MenuItem root = userMenu.addItem(trigger);
        root.setAriaLabel(getTranslation("menu.user"));
        SubMenu menu = root.getSubMenu();
        SubMenu languages = menu.addItem(getTranslation("menu.language")).getSubMenu();
        for (Locale locale : Messages.SUPPORTED) {
            MenuItem item = languages.addItem(Messages.languageName(locale), e -> switchLanguage(locale));
            item.setCheckable(true);
            item.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
        }
        menu.addItem(getTranslation("password.change.menu"), e -> new ChangePasswordDialog(userService).open());
        menu.addItem(getTranslation("menu.logout"), e -> currentUser.logout());
    }

    /** Applies the language at once and remembers it for the next sign-in. */
    void switchLanguage(Locale locale) {
        currentUser.email().ifPresent(email -> userService.rememberLocale(email, locale));
        getUI().ifPresent(ui -> {
            ui.getSession().setLocale(locale);
            ui.getPage().reload();
        });
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        viewTitle.setText(content instanceof com.vaadin.flow.router.HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
