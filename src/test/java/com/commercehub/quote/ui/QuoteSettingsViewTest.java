package com.commercehub.quote.ui;

import com.commercehub.base.security.Role;
import com.commercehub.quote.QuoteSettingsService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteSettingsViewTest extends KaribuTest {

    @Autowired
    QuoteSettingsService settings;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void defaults() {
        QuoteTestData.clear(jdbc);
    }

    @Test
    void an_admin_sets_the_prefix_next_number_and_default_expiry() {
        login("ada@example.com", Role.ADMIN);
        navigate("settings/quotes");
        QuoteSettingsView view = _get(QuoteSettingsView.class);
        assertThat(view.example.getText()).isEqualTo("Next quote number: Q-1001");

        view.prefix.setValue("OFF-");
        view.nextNumber.setValue(7000);
        view.expiryDays.setValue(14);
        view.defaultTerms.setValue("Prices exclude shipping.");
        assertThat(view.example.getText()).isEqualTo("Next quote number: OFF-7000");
        ButtonKt._click(view.save);

        var saved = AsAdmin.call(settings::get);
        assertThat(saved.numberPrefix()).isEqualTo("OFF-");
        assertThat(saved.nextNumber()).isEqualTo(7000);
        assertThat(saved.expiryDays()).isEqualTo(14);
        assertThat(saved.defaultTerms()).isEqualTo("Prices exclude shipping.");
    }

    @Test
    void a_number_going_backwards_is_refused_next_to_the_field_and_nothing_is_saved() {
        login("ada@example.com", Role.ADMIN);
        navigate("settings/quotes");
        QuoteSettingsView view = _get(QuoteSettingsView.class);
        view.nextNumber.setValue(12);
        view.expiryDays.setValue(400);
        ButtonKt._click(view.save);

        assertThat(view.nextNumber.isInvalid()).isTrue();
        assertThat(view.nextNumber.getErrorMessage()).startsWith("The next number can only go up");
        assertThat(view.expiryDays.getErrorMessage()).isEqualTo("Enter between 1 and 365 days");
        assertThat(AsAdmin.call(settings::get).nextNumber()).isEqualTo(1001);
    }

    @Test
    void only_admins_open_the_settings() {
        login("sam@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("settings/quotes")).hasMessageContaining("Access is denied");
    }
}
