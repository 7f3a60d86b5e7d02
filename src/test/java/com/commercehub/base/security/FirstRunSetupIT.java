package com.commercehub.base.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.commercehub.testsupport.MutableClock;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
class FirstRunSetupIT {

    @Autowired
    UserService userService;
    @Autowired
    AppUserRepository users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    void noUsers() {
        jdbc.sql("DELETE FROM app_user").update();
    }

    private FirstRunSetup withEnvironment(String email, String password) {
        return withEnvironment(email, password, clock);
    }

    private FirstRunSetup withEnvironment(String email, String password, Clock clock) {
        return new FirstRunSetup(userService, users, jdbc, clock, email, password);
    }

    @Test
    void admin_from_environment_is_created_and_no_link_is_issued() {
        var token = withEnvironment("ops@example.com", "an environment password").prepare();
        assertThat(token).isEmpty();
        assertThat(userService.findByEmail("ops@example.com").orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM setup_token").query(Integer.class).single()).isZero();
    }

    @Test
    void a_weak_environment_password_falls_back_to_the_setup_link() {
        var token = withEnvironment("ops@example.com", "weak").prepare();
        assertThat(token).isPresent();
        assertThat(userService.anyUserExists()).isFalse();
    }

    @Test
    void only_the_hash_of_the_link_is_stored_and_it_has_256_bits() {
        String token = withEnvironment("", "").prepare().orElseThrow();
        String stored = jdbc.sql("SELECT token_hash FROM setup_token").query(String.class).single();
        assertThat(stored).isNotEqualTo(token).hasSize(64).isEqualTo(FirstRunSetup.hash(token));
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void a_restart_replaces_the_previous_link() {
        FirstRunSetup setup = withEnvironment("", "");
        String first = setup.prepare().orElseThrow();
        String second = setup.prepare().orElseThrow();
        assertThat(setup.isValid(first)).isFalse();
        assertThat(setup.isValid(second)).isTrue();
    }

    @Test
    void an_environment_password_over_72_bytes_falls_back_to_the_setup_link_instead_of_stopping_the_start() {
        String seventyThreeBytes = "x".repeat(73);
        var token = withEnvironment("ops@example.com", seventyThreeBytes).prepare();
        assertThat(token).isPresent();
        assertThat(userService.anyUserExists()).isFalse();
        // Bytes count, not characters: 37 × "ä" is 37 characters but 74 bytes.
        assertThat(withEnvironment("ops@example.com", "ä".repeat(37)).prepare()).isPresent();
        assertThat(userService.anyUserExists()).isFalse();
        assertThat(withEnvironment("ops@example.com", "ä".repeat(36)).prepare()).isEmpty();
        assertThat(userService.anyUserExists()).isTrue();
    }

    @Test
    void the_setup_link_expires_after_24_hours_and_the_next_start_prints_a_working_one() {
        MutableClock time = new MutableClock(clock.instant());
        FirstRunSetup setup = withEnvironment("", "", time);
        String token = setup.prepare().orElseThrow();
        time.advance(FirstRunSetup.LINK_LIFETIME.minusMinutes(1));
        assertThat(setup.isValid(token)).isTrue();
        time.advance(java.time.Duration.ofMinutes(2));
        assertThat(setup.isValid(token)).isFalse();
        assertThatThrownBy(() -> setup.completeSetup(token, "late@example.com", "Late", "a long enough password"))
                .isInstanceOf(UserValidationException.class).hasMessage("setup.link-used");
        assertThat(userService.anyUserExists()).isFalse();

        String fresh = setup.prepare().orElseThrow();
        setup.completeSetup(fresh, "late@example.com", "Late", "a long enough password");
        assertThat(userService.findByEmail("late@example.com")).isPresent();
    }
}
