package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumSet;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void oneAdmin() {
        jdbc.sql("DELETE FROM app_user").update();
        AsAdmin.call(() -> users.create("boss@example.com", "Bea Boss", "a long enough password", EnumSet.of(Role.ADMIN)));
        login("boss@example.com", Role.ADMIN);
        navigate("users");
    }

    @Test
    void admin_adds_a_sales_user_who_then_appears_in_the_grid() {
        ButtonKt._click(_get(UsersView.class).add);
        UserDialog dialog = _get(UserDialog.class);
        dialog.email.setValue("sam@example.com");
        dialog.name.setValue("Sam Sales");
        dialog.password.setValue("sam's long password");
        dialog.roles.setValue(Set.of(Role.SALES));
        ButtonKt._click(dialog.save);

        UserSummary sam = users.findByEmail("sam@example.com").orElseThrow();
        assertThat(sam.roles()).containsExactly(Role.SALES);
        var grid = _get(UsersView.class).grid;
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 1).email()).isEqualTo("sam@example.com");
    }

    @Test
    void invalid_input_is_reported_next_to_the_field_and_nothing_is_stored() {
        ButtonKt._click(_get(UsersView.class).add);
        UserDialog dialog = _get(UserDialog.class);
        dialog.email.setValue("BOSS@example.com");
        dialog.name.setValue("Impostor");
        dialog.password.setValue("a long enough password");
        dialog.roles.setValue(Set.of(Role.FINANCE));
        ButtonKt._click(dialog.save);

        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("A user with this e-mail already exists");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(AsAdmin.call(() -> users.count(""))).isEqualTo(1);
    }

    @Test
    void the_last_admin_cannot_be_disabled() {
        var grid = _get(UsersView.class).grid;
        UserSummary boss = GridKt._get(grid, 0);
        UserDialog dialog = new UserDialog(users, boss, () -> { });
        dialog.open();
        dialog.enabled.setValue(false);
        ButtonKt._click(dialog.save);

        assertThat(users.findByEmail("boss@example.com").orElseThrow().enabled()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
    }
}
