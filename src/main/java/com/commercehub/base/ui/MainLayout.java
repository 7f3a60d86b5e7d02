package com.commercehub.base.ui;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.security.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.internal.UrlUtil;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;

/**
 * The staff shell: navigation built from the views the signed-in user may open, the sandbox badge,
 * and the user menu with language and logout.
 */
@Layout
@PermitAll
// The navigation is markup of these web components (see navigationMarkup): the bundle must still carry them.
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The side navigation, one state node: see {@link #navigationMarkup()}. */
    final Html navigation;
    final Span sandboxBadge = new Span();
    /**
     * The user menu's trigger; the menu itself is {@link #userMenuPopover}, empty while closed. The popover opens in
     * the browser, so this action button has no server listener (see ActionButton).
     */
    final ActionButton userMenu = new ActionButton();
    final Popover userMenuPopover = new Popover();
    private final Span viewTitle = new Span();

    private final CurrentUser currentUser;
    private final UserService userService;

    MainLayout(CurrentUser currentUser, UserService userService, PaymentProcessorMode processorMode,
               org.springframework.beans.factory.ObjectProvider<HeaderItem> headerItems) {
        this.currentUser = currentUser;
        this.userService = userService;
        setPrimarySection(Section.DRAWER);

        navigation = new Html(navigationMarkup());
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
    }

    /*
     * Every tab pays for the shell's server-side state. As server components, the side navigation's items cost
     * three state nodes each (item, icon, label): a quarter of a quote builder tab. The navigation never changes
     * while the tab lives (the menu depends on the user's roles and language, both fixed for a UI; a language
     * switch reloads the page), so it is sent once as markup of the same web components: one node. The web
     * components highlight the current item and the router takes the link clicks, as with the Java components.
     */
    private String navigationMarkup() {
        // MenuConfiguration lists only routes the current user may open.
        return sideNavMarkup(MenuConfiguration.getMenuEntries().stream()
                .map(entry -> new NavigationLink(getTranslation(entry.title()), entry.path(), entry.icon()))
                .toList());
    }

    /** One item of the side navigation: its label, its route path and its icon (or null). */
    record NavigationLink(String label, String path, String icon) {
    }

    /**
     * The side navigation as markup for an {@link Html} component. Only bundle texts and route paths go in today,
     * but everything is written through jsoup's text and attribute setters, so whatever a label contains is shown
     * as text and no value can open a tag or an attribute.
     */
    static String sideNavMarkup(List<NavigationLink> links) {
        Element nav = new Element("vaadin-side-nav").addClass("main-navigation");
        for (NavigationLink link : links) {
            String path = link.path().startsWith("/") ? link.path().substring(1) : link.path();
            Element item = nav.appendElement("vaadin-side-nav-item").attr("path", UrlUtil.encodeURI(path));
            if (link.icon() != null) {
                item.appendElement("vaadin-icon").attr("icon", link.icon()).attr("slot", "prefix");
            }
            item.appendText(link.label());
        }
        return nav.outerHtml();
    }

    /*
     * Every tab pays for the header's server-side state, and the user menu is opened rarely: closed, it is the
     * trigger (button, avatar, name) and an empty popover, three state nodes. A menu bar kept its 27 nodes of items
     * in every tab; here the items exist only while the popover is open.
     */
    private void buildUserMenu() {
        String name = currentUser.summary().map(user -> user.displayName()).orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        // The name is the button's own label (no extra element): phones hide that part (see the stylesheet).
        userMenu.setText(name);
        userMenu.withIcon(avatar).withThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("user-menu");
        // The accessible name starts with the visible one (WCAG 2.5.3), then says what the button opens.
        userMenu.setAriaLabel(name.isEmpty() ? getTranslation("menu.user") : name + ", " + getTranslation("menu.user"));
        userMenu.getElement().setAttribute("aria-haspopup", "true");

        userMenuPopover.setTarget(userMenu);
        userMenuPopover.setPosition(PopoverPosition.BOTTOM_END);
        userMenuPopover.setAriaLabel(getTranslation("menu.user"));
        userMenuPopover.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                fillUserMenu();
            } else {
                userMenuPopover.removeAll();
            }
        });
    }

    private void fillUserMenu() {
        userMenuPopover.removeAll();
        Span languageHeading = new Span(getTranslation("menu.language"));
        languageHeading.addClassName("user-menu-heading");
        Div languages = new Div(languageHeading);
        languages.addClassName("user-menu-group");
        languages.getElement().setAttribute("role", "group");
        languages.getElement().setAttribute("aria-label", getTranslation("menu.language"));
        Button first = null;
        for (Locale locale : Messages.SUPPORTED) {
            Button language = menuItem(Messages.languageName(locale), () -> switchLanguage(locale));
            // Each language is written in its own language; screen readers should pronounce it so.
            language.getElement().setAttribute("lang", locale.toLanguageTag());
            Icon check = VaadinIcon.CHECK.create();
            check.addClassName("user-menu-check");
            language.setIcon(check);
            boolean current = locale.getLanguage().equals(getLocale().getLanguage());
            if (current) {
                language.getElement().setAttribute("aria-current", "true");
            }
            languages.add(language);
            first = first == null ? language : first;
        }
        Button changePassword = menuItem(getTranslation("password.change.menu"), () -> {
            userMenuPopover.close();
            ChangePasswordDialog dialog = new ChangePasswordDialog(userService);
            // The item that opened the dialog is gone with the menu: focus goes back to the menu's trigger.
            dialog.addOpenedChangeListener(closed -> {
                if (!closed.isOpened()) {
                    userMenu.focus();
                }
            });
            dialog.open();
        });
        Button logout = menuItem(getTranslation("menu.logout"), currentUser::logout);
        Div content = new Div(languages, new Hr(), changePassword, logout);
        content.addClassName("user-menu-content");
        userMenuPopover.add(content);
        // Opened from the keyboard or not, the first choice takes focus, as in a menu; Escape hands it back.
        first.focus();
    }

    private static Button menuItem(String text, Runnable action) {
        Button item = new Button(text, click -> action.run());
        item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        item.addClassName("user-menu-item");
        return item;
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
