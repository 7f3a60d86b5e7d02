package com.commercehub.base.security;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumSet;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A session acts with its user's current rights, not those they had when signing in. */
class SignedInSessionsIT extends HttpSecurityTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private UserSummary admin;

    @BeforeEach
    void twoAdmins() {
        jdbc.sql("DELETE FROM app_user WHERE email IN ('ada@example.com', 'other-admin@example.com')").update();
        admin = AsAdmin.call(() -> users.create("ada@example.com", "Ada", PASSWORD, EnumSet.of(Role.ADMIN)));
        AsAdmin.call(() -> users.create("other-admin@example.com", "Other", PASSWORD, EnumSet.of(Role.ADMIN)));
    }

    private StaffBrowser signedInAda() throws Exception {
        StaffBrowser ada = new StaffBrowser(port);
        String location = ada.signIn("ada@example.com", PASSWORD);
        var users = ada.get("/users");
        assertThat(users.statusCode()).as(location + " " + users.headers().map()).isEqualTo(200);
        return ada;
    }

    private UserSummary current() {
        return users.findByEmail("ada@example.com").orElseThrow();
    }

    @Test
    void a_demoted_admin_loses_the_admin_pages_on_the_next_request() throws Exception {
        StaffBrowser ada = signedInAda();
        AsAdmin.call(() -> users.update(admin.id(), current().version(), "Ada", EnumSet.of(Role.SALES), true));
        assertThat(ada.mayOpen("/users")).isFalse();
        assertThat(ada.get("/users").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        // Signing in again gives the new role only.
        assertThat(ada.signIn("ada@example.com", PASSWORD)).doesNotContain("error");
        assertThat(ada.mayOpen("/products")).isTrue();
    }

    @Test
    void a_disabled_user_is_signed_out_at_once() throws Exception {
        StaffBrowser ada = signedInAda();
        AsAdmin.call(() -> users.update(admin.id(), current().version(), "Ada", EnumSet.of(Role.ADMIN), false));
        assertThat(ada.mayOpen("/")).isFalse();
        assertThat(ada.signIn("ada@example.com", PASSWORD)).contains("error");
    }

    @Test
    void a_password_reset_by_an_admin_ends_the_old_sessions() throws Exception {
        StaffBrowser ada = signedInAda();
        AsAdmin.call(() -> {
            users.resetPassword(admin.id(), "a brand new password");
            return null;
        });
        assertThat(ada.mayOpen("/users")).isFalse();
    }

    @Test
    void unrelated_changes_keep_the_session_and_a_signed_in_session_outlives_the_anonymous_lifetime() throws Exception {
        StaffBrowser ada = signedInAda();
        AsAdmin.call(() -> users.update(admin.id(), current().version(), "Ada Lovelace", EnumSet.of(Role.ADMIN), true));
        AsAdmin.call(() -> {
            users.rememberLocale("ada@example.com", Locale.GERMAN);
            return null;
        });
        assertThat(ada.mayOpen("/users")).isTrue();
        Thread.sleep(7_000);
        assertThat(ada.mayOpen("/users")).isTrue();
    }
}
