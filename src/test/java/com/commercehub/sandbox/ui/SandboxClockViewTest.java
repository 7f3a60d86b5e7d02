package com.commercehub.sandbox.ui;

import com.commercehub.base.security.Role;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxClockViewTest extends KaribuTest {

    @Autowired
    SandboxClockService clock;

    @Test
    void admin_moves_the_sandbox_clock_forward_by_a_week() {
        login("admin@example.com", Role.ADMIN);
        navigate("settings/sandbox-clock");
        SandboxClockView view = _get(SandboxClockView.class);
        Instant before = AsAdmin.call(clock::now);
        ButtonKt._click(view.plusWeek);
        Instant after = AsAdmin.call(clock::now);
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusSeconds(5));
        assertThat(view.now.getText()).startsWith("Sandbox time:").endsWith("UTC");
    }

    @Test
    void only_admins_may_move_it() {
        login("sales@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("settings/sandbox-clock")).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(
                org.springframework.security.authorization.AuthorizationDeniedException.class);
    }
}
