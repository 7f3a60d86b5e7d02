package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitchTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void user() {
        jdbc.sql("DELETE FROM app_user WHERE email = 'lars@example.com'").update();
        AsAdmin.call(() -> users.create("lars@example.com", "Lars", "a long enough password", EnumSet.of(Role.ADMIN)));
    }

    @Test
    void chosen_language_is_applied_and_remembered_for_the_next_session() {
        login("lars@example.com", Role.ADMIN);
        navigate("");
        UserMenuTest.openUserMenu();
        UserMenuTest.choose("Dansk");

        assertThat(UI.getCurrent().getSession().getLocale()).isEqualTo(Locale.of("da"));
        assertThat(users.findByEmail("lars@example.com").orElseThrow().preferredLocale()).isEqualTo(Locale.of("da"));

        // A new session of the same user starts in Danish.
        tearDownAndStartNewSession();
        login("lars@example.com", Role.ADMIN);
        navigate("");
        assertThat(NavigationByRoleTest.navigationLabels())
                .containsExactly("Start", "Dashboard", "Betalinger", "Afstemning", "Aftaler", "Tilbud", "Fakturaer",
                        "Betalingslinks", "Abonnementer", "Produkter", "Rabatkoder", "Virksomheder", "Kontakter",
                        "Automatisering", "Momssatser", "Betalingsindstillinger", "Indstillinger for tilbud", "E-mail",
                        "Branding", "Webhooks", "Sandkasse-ur", "Brugere");
        // The user menu speaks Danish too, with Danish ticked.
        List<Button> entries = _find(UserMenuTest.openUserMenu(), Button.class);
        assertThat(entries.stream().filter(entry -> entry.getElement().hasAttribute("aria-current"))
                .map(Button::getText)).containsExactly("Dansk");
        assertThat(entries.stream().map(Button::getText)).endsWith("Skift adgangskode", "Log ud");
    }

    private void tearDownAndStartNewSession() {
        logout();
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        com.github.mvysny.kaributesting.v10.MockVaadin.setup(UI::new,
                new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                        new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("com.commercehub"),
                        context, UI::new));
    }
}
