package com.commercehub.base.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
class UserServiceIT {

    @Autowired
    UserService users;
    @Autowired
    DatabaseUserDetailsService signIn;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM app_user").update();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void a_user_round_trips_through_the_database_with_roles_and_a_hashed_password() {
        users.create("  Ann@Example.COM ", "Ann Example", "ann's long password", EnumSet.of(Role.SALES, Role.FINANCE));

        UserSummary ann = users.findByEmail("ann@example.com").orElseThrow();
        assertThat(ann.displayName()).isEqualTo("Ann Example");
        assertThat(ann.roles()).containsExactlyInAnyOrder(Role.SALES, Role.FINANCE);
        assertThat(ann.enabled()).isTrue();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE email = 'ann@example.com'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("ann's long password");

        var details = signIn.loadUserByUsername("ANN@example.com");
        assertThat(details.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_SALES", "ROLE_FINANCE");
        assertThat(users.page("ann", org.springframework.data.domain.PageRequest.of(0, 10)))
                .singleElement().satisfies(row -> assertThat(row.roles()).hasSize(2));
    }

    @Test
    @WithMockUser(username = "sam@example.com", roles = "SALES")
    void a_user_remembers_only_their_own_language_and_an_admin_anyone_s() {
        com.commercehub.testsupport.AsAdmin.call(() -> {
            users.create("sam@example.com", "Sam", "a long enough password", EnumSet.of(Role.SALES));
            return users.create("ann@example.com", "Ann", "a long enough password", EnumSet.of(Role.FINANCE));
        });

        users.rememberLocale("SAM@example.com", java.util.Locale.GERMAN);
        assertThatThrownBy(() -> users.rememberLocale("ann@example.com", java.util.Locale.ITALIAN))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(users.findByEmail("sam@example.com").orElseThrow().preferredLocale()).isEqualTo(java.util.Locale.GERMAN);
        assertThat(users.findByEmail("ann@example.com").orElseThrow().preferredLocale()).isNotEqualTo(java.util.Locale.ITALIAN);
        com.commercehub.testsupport.AsAdmin.call(() -> {
            users.rememberLocale("ann@example.com", java.util.Locale.ITALIAN);
            return null;
        });
        assertThat(users.findByEmail("ann@example.com").orElseThrow().preferredLocale()).isEqualTo(java.util.Locale.ITALIAN);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void e_mail_is_unique_whatever_its_case() {
        users.create("bo@example.com", "Bo", "a long enough password", EnumSet.of(Role.SALES));
        assertThatThrownBy(() -> users.create("BO@EXAMPLE.COM", "Bo 2", "a long enough password", EnumSet.of(Role.SALES)))
                .isInstanceOf(UserValidationException.class).extracting("messageKey").isEqualTo("user.email.taken");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void the_last_active_admin_cannot_be_disabled_or_demoted() {
        UserSummary admin = users.create("root@example.com", "Root", "a long enough password", EnumSet.of(Role.ADMIN));
        assertThatThrownBy(() -> users.update(admin.id(), admin.version(), "Root", EnumSet.of(Role.ADMIN), false))
                .isInstanceOf(UserValidationException.class).extracting("messageKey").isEqualTo("user.last-admin");
        assertThatThrownBy(() -> users.update(admin.id(), admin.version(), "Root", EnumSet.of(Role.SALES), true))
                .isInstanceOf(UserValidationException.class);

        users.create("second@example.com", "Second", "a long enough password", EnumSet.of(Role.ADMIN));
        UserSummary demoted = users.update(admin.id(), admin.version(), "Root", EnumSet.of(Role.SALES), true);
        assertThat(demoted.roles()).containsExactly(Role.SALES);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void a_disabled_user_cannot_sign_in() {
        users.create("keep@example.com", "Keeper", "a long enough password", EnumSet.of(Role.ADMIN));
        UserSummary leaver = users.create("leaver@example.com", "Leaver", "a long enough password", EnumSet.of(Role.SALES));
        users.update(leaver.id(), leaver.version(), "Leaver", EnumSet.of(Role.SALES), false);
        assertThat(signIn.loadUserByUsername("leaver@example.com").isEnabled()).isFalse();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void a_stale_edit_is_refused_rather_than_overwriting() {
        UserSummary user = users.create("cy@example.com", "Cy", "a long enough password", EnumSet.of(Role.SALES));
        users.update(user.id(), user.version(), "Cy (first editor)", EnumSet.of(Role.SALES), true);
        assertThatThrownBy(() -> users.update(user.id(), user.version(), "Cy (second editor)",
                EnumSet.of(Role.FINANCE), true)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(users.findByEmail("cy@example.com").orElseThrow().displayName()).isEqualTo("Cy (first editor)");
    }

    @Test
    @WithMockUser(roles = "SALES")
    void only_admins_may_manage_users() {
        assertThatThrownBy(() -> users.create("x@example.com", "X", "a long enough password", EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(users.findByEmail("x@example.com")).isEmpty();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void weak_passwords_are_refused() {
        assertThatThrownBy(() -> users.create("weak@example.com", "W", "short", EnumSet.of(Role.SALES)))
                .isInstanceOf(UserValidationException.class).extracting("messageKey").isEqualTo("password.too-short");
    }
}
