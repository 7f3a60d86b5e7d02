package com.commercehub.automation.ui;

import com.commercehub.base.security.Role;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Webhooks: a loopback address is refused next to the field until an admin allows private addresses. */
class WebhookEndpointsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    private final String name = "Karibu hook " + UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE name = :n").param("n", name).update();
        jdbc.sql("UPDATE automation_settings SET allow_private_webhooks = FALSE WHERE id = 1").update();
    }

    @Test
    void a_loopback_endpoint_is_refused_next_to_the_field_until_private_addresses_are_allowed() {
        login("ada@example.com", Role.ADMIN);
        navigate("settings/webhooks");
        WebhookEndpointsView view = _get(WebhookEndpointsView.class);
        view.name.setValue(name);
        view.url.setValue("http://127.0.0.1:9/hook");
        view.add.click();
        assertThat(view.url.isInvalid()).isTrue();
        assertThat(view.url.getErrorMessage()).startsWith("This address is private or loopback");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE name = :n").param("n", name)
                .query(Integer.class).single()).isZero();

        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(view.allowPrivate, true); // as from the browser
        view.add.click();
        assertThat(view.url.isInvalid()).isFalse();
        assertThat(view.secret.getText()).startsWith("Signing secret: whsec_");
        assertThat(GridKt._size(view.endpoints)).isPositive();
    }
}
