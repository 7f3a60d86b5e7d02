package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.SignInOutcome;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumSet;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login page's throttling messages, the own-password dialog and the admins' sign-in log. */
class AccountSecurityViewsTest extends KaribuTest {

    private static final String PASSWORD = "the first long password";

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void oneSalesRep() {
        jdbc.sql("DELETE FROM app_user WHERE email = 'rep@example.com'").update();
        jdbc.sql("DELETE FROM sign_in_event WHERE email = 'rep@example.com'").update();
        AsAdmin.call(() -> users.create("rep@example.com", "Rita Rep", PASSWORD, EnumSet.of(Role.SALES)));
    }

    private static void openLogin(String query) {
        UI.getCurrent().navigate("login", QueryParameters.fromString(query));
    }

    @Test
    void a_locked_sign_in_says_how_long_to_wait() {
        openLogin("locked=3");
        LoginView view = _get(LoginView.class);
        assertThat(view.login.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Too many failed sign-ins");
        assertThat(view.i18n.getErrorMessage().getMessage()).isEqualTo("Try again in 3 minutes.");
        openLogin("locked=1");
        assertThat(_get(LoginView.class).i18n.getErrorMessage().getMessage()).isEqualTo("Try again in 1 minute.");
        openLogin("expired");
        assertThat(_get(LoginView.class).i18n.getErrorMessage().getTitle())
                .isEqualTo("The sign-in page had expired");
        openLogin("error");
        assertThat(_get(LoginView.class).i18n.getErrorMessage().getTitle())
                .isEqualTo("Incorrect e-mail or password");
    }

    @Test
    void a_user_changes_their_own_password_with_errors_next_to_the_fields() {
        login("rep@example.com", Role.SALES);
        ChangePasswordDialog dialog = new ChangePasswordDialog(users);
        dialog.open();

        dialog.current.setValue("not my password at all");
        dialog.password.setValue("x".repeat(73));
        dialog.confirmation.setValue("x".repeat(73));
        ButtonKt._click(dialog.save);
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).startsWith("Too long: at most 72 bytes");

        dialog.password.setValue("the second long password");
        dialog.confirmation.setValue("the second long password");
        ButtonKt._click(dialog.save);
        assertThat(dialog.current.isInvalid()).isTrue();
        assertThat(dialog.current.getErrorMessage()).isEqualTo("The current password is not correct");

        dialog.current.setValue(PASSWORD);
        ButtonKt._click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        // This session keeps working: it holds the new password's stamp.
        assertThat(VaadinSession.getCurrent().getSession().getAttributeNames())
                .anyMatch(name -> name.endsWith(".passwordStamp"));
        // The new password is the one that proves who the user is now.
        users.changeOwnPassword("the second long password", "the third long password");
    }

    @Test
    void admins_see_the_sign_in_log_and_others_do_not() {
        jdbc.sql("""
                INSERT INTO sign_in_event (occurred_at, email, client_address, outcome)
                VALUES (NOW(6), 'rep@example.com', '203.0.113.7', :outcome)""")
                .param("outcome", SignInOutcome.LOCKED.name()).update();
        login("boss@example.com", Role.ADMIN);
        navigate("users");
        ButtonKt._click(_get(UsersView.class).signIns);
        SignInLogView log = _get(SignInLogView.class);
        log.search.setValue("rep@");
        assertThat(GridKt._size(log.grid)).isEqualTo(1);
        assertThat(GridKt._get(log.grid, 0).clientAddress()).isEqualTo("203.0.113.7");

        login("rep@example.com", Role.SALES);
        navigate("");
        assertThatThrownBy(() -> navigate("users/sign-ins")).hasMessageContaining("Access is denied");
        _assertNone(SignInLogView.class);
    }

    @Test
    void the_user_form_says_when_a_password_has_too_many_bytes() {
        login("boss@example.com", Role.ADMIN);
        navigate("users");
        ButtonKt._click(_get(UsersView.class).add);
        UserDialog dialog = _get(UserDialog.class);
        dialog.email.setValue("new@example.com");
        dialog.name.setValue("New");
        // 37 characters, 74 bytes.
        dialog.password.setValue("ä".repeat(37));
        dialog.roles.setValue(java.util.Set.of(Role.SALES));
        ButtonKt._click(dialog.save);
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).startsWith("Too long: at most 72 bytes");
        _assertOne(UserDialog.class);
    }
}
