package com.commercehub.base.ui;

import com.commercehub.base.security.FirstRunSetup;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserValidationException;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupViewTest extends KaribuTest {

    @Autowired
    FirstRunSetup setup;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private String token;

    @BeforeEach
    void startWithoutUsers() {
        jdbc.sql("DELETE FROM app_user").update();
        token = setup.prepare().orElseThrow();
    }

    @Test
    void first_visitor_creates_the_admin_once_and_only_once() {
        navigate("setup/" + token);
        SetupView view = _get(SetupView.class);
        assertThat(view.form.isVisible()).isTrue();

        view.email.setValue("Owner@Example.com");
        view.name.setValue("Olivia Owner");
        view.password.setValue("correct horse battery");
        view.confirmation.setValue("correct horse battery");
        ButtonKt._click(view.create);

        _assertOne(LoginView.class);
        var admin = users.findByEmail("owner@example.com").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();

        navigate("setup/" + token);
        SetupView again = _get(SetupView.class);
        assertThat(again.form.isVisible()).isFalse();
        assertThat(again.invalidLink.isVisible()).isTrue();
        assertThatThrownBy(() -> setup.completeSetup(token, "second@example.com", "Mallory", "another long password"))
                .isInstanceOf(UserValidationException.class);
        assertThat(users.findByEmail("second@example.com")).isEmpty();
    }

    @Test
    void a_wrong_token_shows_no_form() {
        navigate("setup/not-the-token");
        SetupView view = _get(SetupView.class);
        assertThat(view.form.isVisible()).isFalse();
        assertThat(view.invalidLink.isVisible()).isTrue();
    }

    @Test
    void weak_password_and_mismatch_are_shown_next_to_the_fields_and_nothing_is_created() {
        navigate("setup/" + token);
        SetupView view = _get(SetupView.class);
        view.email.setValue("owner@example.com");
        view.name.setValue("Olivia");
        view.password.setValue("short");
        view.confirmation.setValue("different");
        ButtonKt._click(view.create);

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Use at least 12 characters");
        assertThat(view.confirmation.isInvalid()).isTrue();
        assertThat(users.anyUserExists()).isFalse();
        assertThat(setup.isValid(token)).isTrue();
    }
}
