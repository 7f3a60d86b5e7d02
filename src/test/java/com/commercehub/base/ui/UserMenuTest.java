package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.StateNodes;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The header's user menu: what it offers, what its choices do, and what it costs every tab while closed. */
class UserMenuTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void user() {
        jdbc.sql("DELETE FROM app_user WHERE email = 'una@example.com'").update();
        AsAdmin.call(() -> users.create("una@example.com", "Una Menu", "a long enough password", EnumSet.of(Role.SALES)));
        login("una@example.com", Role.SALES);
        navigate("");
    }

    /** Opens the menu as the browser does: the popover opens itself on a click on its trigger and tells the server. */
    static Popover openUserMenu() {
        MainLayout layout = _get(MainLayout.class);
        Popover menu = layout.userMenuPopover;
        assertThat(menu.getTarget()).isSameAs(layout.userMenu);
        assertThat(menu.isOpenOnClick()).isTrue();
        menu.setOpened(true);
        return menu;
    }

    /** Chooses an entry of the open menu by its text, as a click (or Enter or Space on it) would. */
    static void choose(String text) {
        Popover menu = _get(MainLayout.class).userMenuPopover;
        assertThat(menu.isOpened()).isTrue();
        ButtonKt._click(_get(menu, Button.class, spec -> spec.withText(text)));
    }

    @Test
    void the_trigger_shows_who_is_signed_in_and_is_labelled_for_screen_readers() {
        ActionButton trigger = _get(MainLayout.class).userMenu;
        assertThat(trigger.getClassNames()).contains("user-menu");
        assertThat(trigger.getText()).isEqualTo("Una Menu");
        assertThat(_get(trigger, Avatar.class).getName()).isEqualTo("Una Menu");
        assertThat(trigger.getAriaLabel()).hasValue("Una Menu, Account menu");
        assertThat(trigger.isEnabled()).isTrue();
    }

    @Test
    void the_closed_menu_costs_each_tab_a_handful_of_state_nodes() {
        MainLayout layout = _get(MainLayout.class);
        int closed = StateNodes.count(layout.userMenu) + StateNodes.count(layout.userMenuPopover);
        // The menu bar it replaces held 27 nodes in every tab, opened or not.
        assertThat(closed).isLessThanOrEqualTo(5);

        Popover menu = openUserMenu();
        assertThat(StateNodes.count(layout.userMenu) + StateNodes.count(menu)).isGreaterThan(closed + 8);
        menu.close();
        assertThat(menu.getChildren()).isEmpty();
        assertThat(StateNodes.count(layout.userMenu) + StateNodes.count(menu)).isEqualTo(closed);
    }

    @Test
    void the_open_menu_offers_the_languages_with_the_current_one_ticked_then_password_and_log_out() {
        Popover menu = openUserMenu();
        List<Button> entries = _find(menu, Button.class);
        assertThat(entries.stream().map(Button::getText)).containsExactly("English", "Deutsch", "Dansk", "Svenska",
                "Polski", "Italiano", "Change password", "Log out");
        assertThat(entries.stream().filter(entry -> entry.getElement().hasAttribute("aria-current"))
                .map(Button::getText)).containsExactly("English");
        assertThat(entries.get(1).getElement().getAttribute("lang")).isEqualTo("de");
    }

    @Test
    void choosing_a_language_applies_it_remembers_it_and_reloads_the_tab() {
        UI tab = UI.getCurrent();
        openUserMenu();
        choose("Deutsch");
        assertThat(UI.getCurrent().getSession().getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(users.findByEmail("una@example.com").orElseThrow().preferredLocale()).isEqualTo(Locale.GERMAN);
        // Karibu answers the page reload with a fresh UI, as the browser does.
        assertThat(UI.getCurrent()).isNotSameAs(tab);
    }

    @Test
    void change_password_closes_the_menu_and_opens_the_dialog() {
        openUserMenu();
        choose("Change password");
        Popover menu = _get(MainLayout.class).userMenuPopover;
        assertThat(menu.isOpened()).isFalse();
        assertThat(menu.getChildren()).isEmpty();
        assertThat(_get(ChangePasswordDialog.class).isOpened()).isTrue();
    }

    @Test
    void log_out_ends_the_signed_in_session() {
        openUserMenu();
        choose("Log out");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(VaadinSession.getCurrent().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    }
}
