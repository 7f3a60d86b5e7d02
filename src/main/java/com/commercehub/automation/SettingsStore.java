package com.commercehub.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

/** The one row of {@code automation_settings}. */
@Component
class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AutomationSettings read() {
        return jdbc.sql("SELECT time_zone, send_hour, allow_private_webhooks FROM automation_settings WHERE id = 1")
                .query((rs, n) -> new AutomationSettings(ZoneId.of(rs.getString(1)), rs.getInt(2), rs.getBoolean(3)))
                .single();
    }

    void write(AutomationSettings settings, Instant now) {
        jdbc.sql("""
                        UPDATE automation_settings SET time_zone = :zone, send_hour = :hour,
                            allow_private_webhooks = :allow, updated_at = :now WHERE id = 1""")
                .param("zone", settings.timeZone().getId()).param("hour", settings.sendHour())
                .param("allow", settings.allowPrivateWebhooks()).param("now", Timestamp.from(now)).update();
    }
}
